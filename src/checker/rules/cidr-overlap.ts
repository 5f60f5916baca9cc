// cidr-overlap: nodes' pod CIDRs must be disjoint, and no pod CIDR may overlap the service CIDR.

import type { Cidr, Located } from '../../model/types.js';
import { defineRule } from '../rule.js';

function overlaps(a: Cidr, b: Cidr): boolean {
  return a.family === b.family && a.first <= b.last && b.first <= a.last;
}

interface PodCidr {
  machine: string;
  cidr: Located<Cidr>;
}

const compareBigInts = (a: bigint, b: bigint): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every overlapping pair as [later, earlier] in declaration order (by the later one, then the earlier):
 * a sweep over the ranges sorted by their first address, so a cluster of disjoint nodes costs n log n.
 */
function overlappingPairs(podCidrs: readonly PodCidr[]): [number, number][] {
  const order = podCidrs
    .map((_, index) => index)
    .sort((a, b) => {
      const x = (podCidrs[a] as PodCidr).cidr.value;
      const y = (podCidrs[b] as PodCidr).cidr.value;
      return x.family - y.family || compareBigInts(x.first, y.first) || a - b;
    });
  const pairs: [number, number][] = [];
  let open: number[] = [];
  for (const index of order) {
    const cidr = (podCidrs[index] as PodCidr).cidr.value;
    // Ranges sorted before this one overlap it unless they end before it starts (or are of the other family).
    open = open.filter((other) => overlaps((podCidrs[other] as PodCidr).cidr.value, cidr));
    for (const other of open) pairs.push(index > other ? [index, other] : [other, index]);
    open.push(index);
  }
  return pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

export default defineRule({
  meta: {
    id: 'cidr-overlap',
    description: "Two machines' pod CIDRs overlap, or a pod CIDR overlaps the service CIDR",
    defaultSeverity: 'error',
    fact: "Every pod gets a unique cluster-wide IP, taken from its node's pod CIDR, so two nodes handing out addresses from one range can give two pods the same IP. Service IPs come from a separate range; a pod IP inside it is shadowed by the Service routing.",
    url: 'https://kubernetes.io/docs/concepts/cluster-administration/networking/',
    hint: 'Give each node a disjoint pod-cidr inside the cluster pod-cidr, and keep service-cidr apart from both.',
    messages: {
      podCidrs:
        'Pod CIDR {{cidr}} of machine {{machine}} overlaps pod CIDR {{other}} of machine {{otherMachine}}',
      serviceCidr: 'Pod CIDR {{cidr}} of {{scope}} overlaps the service CIDR {{service}}',
    },
  },
  check(ctx) {
    const { cluster } = ctx.model;
    const earlier: PodCidr[] = [];
    for (const machine of cluster.machines) {
      if (machine.podCidr) earlier.push({ machine: machine.path, cidr: machine.podCidr });
    }
    for (const [later, first] of overlappingPairs(earlier)) {
      const { machine, cidr } = earlier[later] as PodCidr;
      const other = earlier[first] as PodCidr;
      ctx.report({
        messageId: 'podCidrs',
        data: { cidr: cidr.value.text, machine, other: other.cidr.value.text, otherMachine: other.machine },
        loc: cidr.loc,
        related: [
          {
            ...other.cidr.loc,
            message: `pod CIDR ${other.cidr.value.text} of machine ${other.machine} is declared here`,
          },
        ],
      });
    }
    const service = cluster.serviceCidr;
    if (!service) return;
    const podCidrs = [
      ...(cluster.podCidr ? [{ scope: 'the cluster', cidr: cluster.podCidr }] : []),
      ...earlier.map((e) => ({ scope: `machine ${e.machine}`, cidr: e.cidr })),
    ];
    for (const { scope, cidr } of podCidrs) {
      if (!overlaps(cidr.value, service.value)) continue;
      ctx.report({
        messageId: 'serviceCidr',
        data: { cidr: cidr.value.text, scope, service: service.value.text },
        loc: cidr.loc,
        related: [{ ...service.loc, message: `service CIDR ${service.value.text} is declared here` }],
      });
    }
  },
});
