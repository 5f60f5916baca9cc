// Golden tests of the model stage: every folder of test/fixtures/model/ is loaded (entry
// `input.topo`, or what its `case.json` names) and compared with its `expected.txt`.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';
import { loadTopology } from '../../src/model/index.js';
import { expectGolden } from '../helpers/golden.js';
import { dumpLoadResult } from './dump.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/model');

interface CaseOptions {
  /** Entry file relative to the case folder (default `input.topo`). */
  entry?: string;
  /** Display paths are relative to this folder of the case (default the case folder). */
  cwd?: string;
  allowOutsideRoot?: boolean;
  knownRuleIds?: string[];
}

function caseOptions(folder: string): CaseOptions {
  try {
    return JSON.parse(readFileSync(path.join(folder, 'case.json'), 'utf8')) as CaseOptions;
  } catch {
    return {};
  }
}

const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('model goldens', () => {
  it.each(cases)('%s', async (name) => {
    const folder = path.join(FIXTURES, name);
    const options = caseOptions(folder);
    const cwd = path.join(folder, options.cwd ?? '.');
    const result = await loadTopology(path.join(folder, options.entry ?? 'input.topo'), {
      cwd,
      ...(options.allowOutsideRoot ? { allowOutsideRoot: true } : {}),
      ...(options.knownRuleIds ? { knownRuleIds: options.knownRuleIds } : {}),
    });
    expectGolden(dumpLoadResult(result), path.join(folder, 'expected.txt'));
  });
});
