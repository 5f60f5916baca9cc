// Finds the Chromium-family browser that renders SVG: config path, PUPPETEER_EXECUTABLE_PATH,
// then on PATH Chromium's headless shell (the same engine without the desktop browser: it starts
// in half the time), chromium, chromium-browser and google-chrome.

import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Names looked up on PATH, in order, when neither the config nor the environment names a browser. */
export const BROWSER_NAMES = [
  'chromium-headless-shell',
  'chrome-headless-shell',
  'chromium',
  'chromium-browser',
  'google-chrome',
] as const;

/** True when `executable` is a headless shell, which puppeteer starts in its `'shell'` mode. */
export function isHeadlessShell(executable: string): boolean {
  return /headless[-_]shell(\.exe)?$/i.test(executable);
}

/** How to get a browser, for the warning printed when none is found. */
export const BROWSER_INSTALL_HINT =
  'install Chromium (Debian/Ubuntu: apt-get install chromium) or set PUPPETEER_EXECUTABLE_PATH or the config key svg.browser';

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function findOnPath(name: string, pathVariable: string | undefined): string | undefined {
  for (const dir of (pathVariable ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

/** The browser to use, and the explicit settings skipped on the way (one sentence each, no full stop). */
export interface BrowserLookup {
  browser: string | undefined;
  skipped: string[];
}

/**
 * Looks for the browser: the config key, then PUPPETEER_EXECUTABLE_PATH, each used only when it is
 * an executable file (one that is not is named in `skipped`), then the names on PATH.
 */
export function lookUpBrowser(
  config: { browser?: string },
  env: Record<string, string | undefined>,
): BrowserLookup {
  const skipped: string[] = [];
  for (const [setting, explicit] of [
    ['the config key svg.browser', config.browser],
    ['PUPPETEER_EXECUTABLE_PATH', env.PUPPETEER_EXECUTABLE_PATH],
  ] as const) {
    if (explicit === undefined || explicit === '') continue;
    if (isExecutableFile(explicit)) return { browser: explicit, skipped };
    skipped.push(`${setting} names ${explicit}, which is not an executable file, so it was not used`);
  }
  for (const name of BROWSER_NAMES) {
    const found = findOnPath(name, env.PATH);
    if (found !== undefined) return { browser: found, skipped };
  }
  return { browser: undefined, skipped };
}

/** The browser executable to use (`lookUpBrowser`), or undefined when none is found. */
export function findBrowser(
  config: { browser?: string },
  env: Record<string, string | undefined>,
): string | undefined {
  return lookUpBrowser(config, env).browser;
}
