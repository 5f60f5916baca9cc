// Many rules at once across an import: the findings are exactly the `# expect:` markers of
// test/fixtures/checker/multi/{input,workers}.topo, each in its own file.

import { expect, it } from 'vitest';
import { analyzeFixture, FIXTURES, findingKeys, markerKeys, nonRuleDiagnostics } from './helpers.js';

it('reports exactly the marked findings, in the file each was found in', async () => {
  const analysis = await analyzeFixture(`${FIXTURES}/multi/input.topo`);
  expect([...analysis.sources.keys()]).toEqual([
    `${FIXTURES}/multi/input.topo`,
    `${FIXTURES}/multi/workers.topo`,
  ]);
  expect(nonRuleDiagnostics(analysis)).toEqual([]);
  expect([...findingKeys(analysis.diagnostics)].sort()).toEqual([...markerKeys(analysis.sources)].sort());
});
