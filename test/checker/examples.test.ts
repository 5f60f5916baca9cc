// The two cluster examples: examples/cluster.topo is clean under every rule; its broken twin
// is well-formed, triggers every rule it says it does (its `✗ rule` comments), and its findings
// are pinned in test/fixtures/checker/broken-cluster.expected.txt.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/checker/index.js';
import { formatDiagnosticLine } from '../../src/diagnostics.js';
import { expectGolden } from '../helpers/golden.js';
import { analyzeFixture, nonRuleDiagnostics } from './helpers.js';

describe('examples/cluster.topo', () => {
  it('checks clean, stale directives included', async () => {
    const analysis = await analyzeFixture('examples/cluster.topo', { reportUnusedDisableDirectives: true });
    expect(analysis.diagnostics).toEqual([]);
    expect(analysis.renderable).toBe(true);
  });
});

describe('examples/broken/broken-cluster.topo', () => {
  it('has rule findings only (so it still formats), and its rule errors stop rendering', async () => {
    const analysis = await analyzeFixture('examples/broken/broken-cluster.topo');
    expect(nonRuleDiagnostics(analysis)).toEqual([]);
    expect(analysis.renderable).toBe(false);
  });

  it('triggers exactly the rules its comments name, which are all of them', async () => {
    const analysis = await analyzeFixture('examples/broken/broken-cluster.topo');
    const text = analysis.sources.get('examples/broken/broken-cluster.topo') ?? '';
    const named = new Set([...text.matchAll(/✗ ([a-z0-9]+-[a-z0-9-]+)/g)].map((match) => match[1]));
    const found = new Set(analysis.diagnostics.map((d) => d.ruleId));
    expect(found).toEqual(named);
    expect(found).toEqual(new Set(RULES.map((rule) => rule.meta.id)));
  });

  it('reports what the golden file pins', async () => {
    const analysis = await analyzeFixture('examples/broken/broken-cluster.topo');
    const lines = analysis.diagnostics.map(formatDiagnosticLine).join('\n');
    expectGolden(`${lines}\n`, join(import.meta.dirname, '../fixtures/checker/broken-cluster.expected.txt'));
  });
});
