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

/**
 * One sentence (no full stop) per browser setting `findBrowser` skipped because it names no
 * executable file, in the order it looks: the config key, then PUPPETEER_EXECUTABLE_PATH; none
 * after the first usable one, which is the browser then.
 */
export function skippedBrowserSettings(
  config: { browser?: string },
  env: Record<string, string | undefined>,
): string[] {
  const skipped: string[] = [];
  for (const [setting, explicit] of [
    ['the config key svg.browser', config.browser],
    ['PUPPETEER_EXECUTABLE_PATH', env.PUPPETEER_EXECUTABLE_PATH],
  ] as const) {
    if (explicit === undefined || explicit === '') continue;
    if (isExecutableFile(explicit)) break;
    skipped.push(`${setting} names ${explicit}, which is not an executable file, so it was not used`);
  }
  return skipped;
}

/**
 * The browser executable to use, or undefined when none is found. An explicitly configured path
 * (config or environment) is returned only when it is an executable file.
 */
export function findBrowser(
  config: { browser?: string },
  env: Record<string, string | undefined>,
): string | undefined {
  for (const explicit of [config.browser, env.PUPPETEER_EXECUTABLE_PATH]) {
    if (explicit !== undefined && explicit !== '' && isExecutableFile(explicit)) return explicit;
  }
  for (const name of BROWSER_NAMES) {
    const found = findOnPath(name, env.PATH);
    if (found !== undefined) return found;
  }
  return undefined;
}
