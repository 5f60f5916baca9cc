// cidr-overlap: nodes' pod CIDRs must be disjoint, and no pod CIDR may overlap the service CIDR.

import type { Cidr, Located } from '../../model/types.js';
import { defineRule } from '../rule.js';

function overlaps(a: Cidr, b: Cidr): boolean {
  return a.family === b.family && a.first <= b.last && b.first <= a.last;
}

export default defineRule({
  meta: {
    id: 'cidr-overlap',
    description: "Two machines' pod CIDRs overlap, or a pod CIDR overlaps the service CIDR",
    defaultSeverity: 'error',
    fact: "Every pod gets a cluster-wide unique IP from its node's pod CIDR, so node ranges must not share addresses; Service IPs come from a separate range that must not collide with pod IPs.",
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
    const earlier: { machine: string; cidr: Located<Cidr> }[] = [];
    for (const machine of cluster.machines) {
      const cidr = machine.podCidr;
      if (!cidr) continue;
      for (const other of earlier) {
        if (!overlaps(cidr.value, other.cidr.value)) continue;
        ctx.report({
          messageId: 'podCidrs',
          data: {
            cidr: cidr.value.text,
            machine: machine.path,
            other: other.cidr.value.text,
            otherMachine: other.machine,
          },
          loc: cidr.loc,
          related: [
            {
              ...other.cidr.loc,
              message: `pod CIDR ${other.cidr.value.text} of machine ${other.machine} is declared here`,
            },
          ],
        });
      }
      earlier.push({ machine: machine.path, cidr });
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
