// The Chromium the browser tests use. Absent locally, they are skipped with the reason in their
// names and a warning in the output; in CI (CI set) an absent browser fails the run instead.

import { findBrowser } from '../../src/render/svg/index.js';

export interface ChromiumUnderTest {
  /** The executable, or undefined when the tests must be skipped. */
  readonly browser: string | undefined;
  /** ' (skipped: …)' to append to a test name, or '' when the browser was found. */
  readonly skipReason: string;
}

export function chromiumUnderTest(
  env: NodeJS.ProcessEnv = process.env,
  suite = 'Chromium tests',
): ChromiumUnderTest {
  const browser = findBrowser({}, env);
  if (browser !== undefined) return { browser, skipReason: '' };
  if (env.CI)
    throw new Error(`${suite}: no Chromium found in CI, where these tests must run (install chromium)`);
  const skipReason = ' (skipped: no Chromium found on PATH or in PUPPETEER_EXECUTABLE_PATH)';
  console.warn(`${suite}${skipReason}`);
  return { browser, skipReason };
}
