// Golden files: one naming scheme (`expected.<ext>` or `<name>.expected.<ext>`), one update flag
// (UPDATE_GOLDEN=1). A missing golden fails the test instead of being written, so a golden can
// never pass by accident; with the flag, goldens are (re)written and read back like any diff.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { expect } from 'vitest';

/** The one name shape of a golden file. */
export const GOLDEN_NAME = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*\.)?expected\.[a-z]+$/;

export function updatingGoldens(): boolean {
  return process.env.UPDATE_GOLDEN === '1';
}

/** What went wrong with a golden file, or undefined when `actual` matches it (or was just written). */
export function goldenProblem(actual: string, path: string, update = updatingGoldens()): string | undefined {
  if (!GOLDEN_NAME.test(basename(path)))
    return `${path} is not named expected.<ext> or <name>.expected.<ext>`;
  if (update) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return undefined;
  }
  if (!existsSync(path))
    return `${path} is missing: run the test with UPDATE_GOLDEN=1 and review the new file`;
  return undefined;
}

/** Asserts that `actual` equals the golden file at `path` (an absolute path). */
export function expectGolden(actual: string, path: string): void {
  const problem = goldenProblem(actual, path);
  expect(problem).toBeUndefined();
  expect(actual, `${path} differs (UPDATE_GOLDEN=1 rewrites it)`).toBe(readFileSync(path, 'utf8'));
}
