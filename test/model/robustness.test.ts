// Property test: whatever blocks and properties are combined, loading never throws, every
// diagnostic lies inside the text, and a file without syntax errors reports only model errors.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadTopologyFromText } from '../../src/model/index.js';
import { MODEL_ERROR_IDS } from '../../src/model/report.js';

const NAMES = ['web', 'app', 'kubelet', 'etcd', 'data', 'worker-1', 'pod-1', 'cache'];
const KEYWORDS = ['cluster', 'machine', 'group', 'process', 'pod', 'container', 'volume'];
const PROPERTY_LINES = [
  'ip 10.0.0.1',
  'ip 10.0.0.999',
  'pod-cidr 10.0.0.0/24',
  'service-cidr 10.96.0.0/40',
  'kind vm',
  'kind vmm',
  'role sidecar',
  'role node',
  'namespace kube-system',
  'listen 80, 53/udp',
  'listen 0',
  'listen 80 host 8080',
  'connect localhost:80',
  'connect web.app:8080 "label"',
  'connect cache',
  'connect 127.0.0.1:1',
  'mount data at "/data" readonly',
  'mount data',
  'image "nginx:1.27"',
  'note "n"',
  'host-network',
  'share-process-namespace false',
  'type emptyDir',
  'path "/var"',
  'title "t"',
  'import "nowhere.topo"',
  'os "linux"',
  'unknown-thing 1',
];

type Node = { keyword: string; name: string; children: Node[] } | string;

const nodeArbitrary: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...PROPERTY_LINES),
    fc.record({
      keyword: fc.constantFrom(...KEYWORDS),
      name: fc.constantFrom(...NAMES),
      children: fc.array(tie('node'), { maxLength: 4 }),
    }),
  ),
})).node;

function render(node: Node, indent = ''): string {
  if (typeof node === 'string') return `${indent}${node}\n`;
  const body = node.children.map((child) => render(child, `${indent}  `)).join('');
  return `${indent}${node.keyword} ${node.name} {\n${body}${indent}}\n`;
}

describe('loading arbitrary combinations of statements', () => {
  it('never throws and reports only well-placed model errors', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(nodeArbitrary, { maxLength: 6 }), async (nodes) => {
        const text = nodes.map((node) => render(node)).join('');
        const result = await loadTopologyFromText(text, 'fuzz.topo', { cwd: '/virtual-fuzz' });
        const lines = text.split('\n');
        for (const diagnostic of result.diagnostics) {
          expect(diagnostic.range.start.line).toBeGreaterThanOrEqual(1);
          expect(diagnostic.range.end.line).toBeLessThanOrEqual(lines.length);
          expect(diagnostic.range.end.offset).toBeGreaterThanOrEqual(diagnostic.range.start.offset);
          if (!result.hasSyntaxErrors) expect(MODEL_ERROR_IDS).toContain(diagnostic.ruleId);
        }
        expect(
          result.model.cluster.machines.every((machine) => machine.parent === result.model.cluster),
        ).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
