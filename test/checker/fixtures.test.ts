// Per-rule fixtures: test/fixtures/checker/<rule>/fail.topo produces the rule exactly on the lines
// its `# expect:` markers name (messages and related locations pinned in fail.exp.txt), and
// pass.topo — the hard cases that look wrong but are not — does not produce it at all.

import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/checker/index.js';
import {
  analyzeFixture,
  FIXTURES,
  findingKeys,
  formatFindings,
  markerKeys,
  nonRuleDiagnostics,
} from './helpers.js';

describe.each(RULES.map((rule) => rule.meta.id))('%s', (id) => {
  it('reports fail.topo exactly where its markers say', async () => {
    const analysis = await analyzeFixture(`${FIXTURES}/${id}/fail.topo`);
    expect(nonRuleDiagnostics(analysis)).toEqual([]);
    const findings = analysis.diagnostics.filter((d) => d.ruleId === id);
    expect(findingKeys(findings)).toEqual(markerKeys(analysis.sources));
    await expect(formatFindings(findings)).toMatchFileSnapshot(`../fixtures/checker/${id}/fail.exp.txt`);
  });

  it('does not report pass.topo', async () => {
    const analysis = await analyzeFixture(`${FIXTURES}/${id}/pass.topo`);
    expect(nonRuleDiagnostics(analysis)).toEqual([]);
    expect(analysis.diagnostics.filter((d) => d.ruleId === id)).toEqual([]);
  });
});
