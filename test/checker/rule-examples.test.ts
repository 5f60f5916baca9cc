// Runs every example of every rule's examples file (docs/rules/examples/<id>.yaml) with that rule
// alone turned on: a failing example reports exactly its `findings`, a passing one nothing, and
// neither has a syntax or model error. UPDATE_GOLDEN=1 writes the findings that were found.

import { describe, expect, it } from 'vitest';
import {
  examplesPath,
  formatFindings,
  readRuleExamples,
  writeFindings,
} from '../../scripts/rules/examples.js';
import { RULES } from '../../src/checker/index.js';
import type { RuleSetting } from '../../src/config/types.js';
import { updatingGoldens } from '../helpers/golden.js';
import { analyzeSnippet } from './helpers.js';

/** Every rule off but `id`, which keeps its default severity. */
function only(id: string): Record<string, RuleSetting> {
  return Object.fromEntries(
    RULES.map(({ meta }) => [meta.id, meta.id === id ? meta.defaultSeverity : 'off']),
  );
}

describe.each(RULES.map((rule) => rule.meta.id))('%s', (id) => {
  const examples = readRuleExamples(id);
  const run = async (topo: string) => (await analyzeSnippet(topo, { rules: only(id) })).diagnostics;

  it.each(examples.failing.map((example, index) => ({ index, example })))(
    'failing example $index reports its findings',
    async ({ index, example }) => {
      const found = formatFindings(await run(example.topo));
      expect(found, 'a failing example must report something').not.toBe('');
      if (updatingGoldens() && found !== example.findings) writeFindings(id, index, found);
      else {
        expect(
          example.findings,
          `${examplesPath(id)} failing[${index}] has no findings; found:\n${found}`,
        ).toBeDefined();
        expect(found).toBe(example.findings);
      }
    },
  );

  it.each(examples.passing.map((example, index) => ({ index, example })))(
    'passing example $index reports nothing',
    async ({ example }) => {
      expect(formatFindings(await run(example.topo))).toBe('');
    },
  );
});
