// Golden tests of reading manifests: the manifests in `input/` of every folder of
// test/fixtures/manifests/cases/ are imported (`topodoc import input`, output in `expected.topo`
// when it succeeds) and checked (`topodoc check input --format unix`); exit codes, import's
// standard error and the findings go to `expected.txt`.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { format } from '../../src/fmt/format.js';
import { parse } from '../../src/parser/index.js';
import { expectGolden } from '../helpers/golden.js';
import { cliIn } from './helpers.js';

const CASES = path.resolve(import.meta.dirname, '../fixtures/manifests/cases');

const cases = readdirSync(CASES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('manifest goldens', () => {
  it.each(cases)('%s', async (name) => {
    const folder = path.join(CASES, name);
    const imported = await cliIn(folder, ['import', 'input']);
    const checked = await cliIn(folder, ['check', 'input', '--format', 'unix']);
    const report = [
      `$ topodoc import input → exit ${imported.code}`,
      imported.stderr.trimEnd(),
      `$ topodoc check input --format unix → exit ${checked.code}`,
      checked.stdout.trimEnd(),
      checked.stderr.trimEnd(),
      '',
    ].join('\n');
    expectGolden(report, path.join(folder, 'expected.txt'));
    if (imported.code !== 0) {
      expect(imported.stdout).toBe('');
      return;
    }
    expectGolden(imported.stdout, path.join(folder, 'expected.topo'));
    // The import is canonical .topo: it parses, and formatting it changes nothing.
    expect(parse(imported.stdout, 'x.topo').diagnostics).toEqual([]);
    expect(format(imported.stdout)).toEqual({ ok: true, text: imported.stdout });
  });

  it('has manifests in the input folder of every case', () => {
    for (const name of cases) {
      const files = readdirSync(path.join(CASES, name, 'input')).filter((file) =>
        /\.(ya?ml|json)$/.test(file),
      );
      expect(files.length, name).toBeGreaterThan(0);
      expect(
        readFileSync(path.join(CASES, name, 'input', files[0] ?? ''), 'utf8').length,
        name,
      ).toBeGreaterThan(0);
    }
  });
});
