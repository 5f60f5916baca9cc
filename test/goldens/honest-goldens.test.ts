// Goldens cannot pass by accident: a missing golden fails (it is written only with UPDATE_GOLDEN=1),
// and every golden file in the fixtures has the one name shape.

import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumUnderTest } from '../helpers/chromium.js';
import { GOLDEN_NAME, goldenProblem } from '../helpers/golden.js';

const FIXTURES = join(import.meta.dirname, '../fixtures');

describe('golden files', () => {
  it('fail when missing, and are not written, unless UPDATE_GOLDEN=1 is given', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'golden-')), 'expected.txt');
    expect(goldenProblem('text\n', path, false)).toMatch(/is missing: run the test with UPDATE_GOLDEN=1/);
    expect(existsSync(path)).toBe(false);
    expect(goldenProblem('text\n', path, true)).toBeUndefined();
    expect(readFileSync(path, 'utf8')).toBe('text\n');
    expect(goldenProblem('text\n', path, false)).toBeUndefined();
  });

  it('refuse a name outside the one scheme', () => {
    const dir = mkdtempSync(join(tmpdir(), 'golden-'));
    for (const name of ['node.exp.txt', 'expected', 'out.txt']) {
      expect(goldenProblem('', join(dir, name), true)).toMatch(/is not named expected/);
      expect(existsSync(join(dir, name))).toBe(false);
    }
    for (const name of ['expected.txt', 'pod-ascii.expected.txt', 'errors.sarif.expected.json']) {
      expect(name).toMatch(GOLDEN_NAME);
    }
  });

  it('in test/fixtures all use the one scheme', () => {
    const strays = readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' })
      .filter((file) => /(^|[./])(exp|expected)[.-]/.test(file.split('/').at(-1) ?? ''))
      .filter((file) => !GOLDEN_NAME.test(file.split('/').at(-1) ?? ''))
      .map((file) => relative(FIXTURES, join(FIXTURES, file)));
    expect(strays).toEqual([]);
  });
});

describe('browser tests', () => {
  const noBrowser = { PATH: mkdtempSync(join(tmpdir(), 'no-browser-')) };

  it('are skipped with a visible reason when no Chromium is found locally', () => {
    const { browser, skipReason } = chromiumUnderTest(noBrowser, 'probe');
    expect(browser).toBeUndefined();
    expect(skipReason).toMatch(/^ \(skipped: no Chromium found/);
  });

  it('are never skipped in CI: a missing Chromium fails the run', () => {
    expect(() => chromiumUnderTest({ ...noBrowser, CI: 'true' }, 'probe')).toThrow(/no Chromium found in CI/);
  });
});
