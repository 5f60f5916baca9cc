// Workload expansion as a property: for any nodes, CIDRs and workloads, placing pods is
// deterministic, never hands out an address twice (or one already declared), and never leaves
// the node's pod CIDR.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allPods, loadTopologyFromText } from '../../src/model/index.js';
import { cidrContains } from '../../src/model/values.js';

const KINDS = ['deployment', 'statefulset', 'daemonset'] as const;

const topology = fc
  .record({
    nodes: fc.array(
      fc.record({ prefix: fc.integer({ min: 26, max: 30 }), handWritten: fc.integer({ min: 0, max: 3 }) }),
      {
        minLength: 1,
        maxLength: 4,
      },
    ),
    workloads: fc.array(
      fc.record({
        kind: fc.constantFrom(...KINDS),
        replicas: fc.integer({ min: 0, max: 40 }),
        on: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 3 }),
      }),
      { maxLength: 5 },
    ),
  })
  .map(({ nodes, workloads }) => {
    const lines: string[] = [];
    workloads.forEach((workload, index) => {
      const on = [...new Set(workload.on.filter((n) => n < nodes.length))].map((n) => `n${n}`);
      lines.push(`${workload.kind} w${index} {`);
      if (workload.kind !== 'daemonset') lines.push(`  replicas ${workload.replicas}`);
      if (on.length > 0) lines.push(`  on ${on.join(', ')}`);
      lines.push('  container c { image "c:1" }', '}');
    });
    nodes.forEach((node, index) => {
      lines.push(`machine n${index} {`, `  pod-cidr 10.${index}.0.0/${node.prefix}`, '  process kubelet');
      for (let pod = 0; pod < node.handWritten; pod++) {
        lines.push(`  pod h${pod} { ip 10.${index}.0.${2 + pod * 2}; container c { image "c:1" } }`);
      }
      lines.push('}');
    });
    return `${lines.join('\n')}\n`;
  });

async function load(text: string) {
  return (await loadTopologyFromText(text, 'gen.topo', { cwd: '/' })).model;
}

describe('workload expansion', () => {
  it('is deterministic, never reuses an IP and stays in each node’s pod CIDR', async () => {
    await fc.assert(
      fc.asyncProperty(topology, async (text) => {
        const model = await load(text);
        const again = await load(text);
        const placed = (m: typeof model) =>
          allPods(m).map((pod) => `${pod.path} ${pod.ip?.value.text ?? '-'}`);
        expect(placed(again)).toEqual(placed(model));
        const seen = new Set<string>();
        for (const pod of allPods(model)) {
          if (!pod.ip) continue;
          expect(seen.has(pod.ip.value.text), pod.ip.value.text).toBe(false);
          seen.add(pod.ip.value.text);
          if (pod.workload && pod.parent.kind === 'machine') {
            const cidr = pod.parent.podCidr?.value;
            expect(cidr && cidrContains(cidr, pod.ip.value)).toBe(true);
            expect(pod.ip.value.value).toBeGreaterThan((cidr?.first ?? 0n) + 1n);
          }
        }
        for (const workload of model.cluster.workloads) {
          const wanted = workload.workloadKind === 'daemonset' ? workload.pods.length : workload.replicas;
          const full = workload.placementProblems.filter((problem) => problem.kind === 'cidr-full').length;
          expect(workload.pods.length === wanted || workload.placementProblems.length > 0).toBe(true);
          expect(workload.pods.filter((pod) => !pod.ip).length).toBe(full);
        }
      }),
      { numRuns: 60, endOnFailure: true },
    );
  });
});
