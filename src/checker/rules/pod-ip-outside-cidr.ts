// pod-ip-outside-cidr: a pod's IP comes from its node's pod CIDR (or the cluster's when the node has none).

import type { Address, Cidr } from '../../model/types.js';
import { defineRule } from '../rule.js';

function contains(cidr: Cidr, address: Address): boolean {
  return address.value >= cidr.first && address.value <= cidr.last;
}

export default defineRule({
  meta: {
    id: 'pod-ip-outside-cidr',
    description: "A pod IP outside its machine's `pod-cidr` (or the cluster's)",
    defaultSeverity: 'error',
    fact: "Each node is given a range of pod IPs (its pod CIDR, carved out of the cluster's) and its pods take their addresses from it; the routes to a node's pods are built from that range.",
    url: 'https://kubernetes.io/docs/concepts/cluster-administration/networking/',
    hint: "Pick the pod's IP from the node's pod-cidr, or correct the pod-cidr.",
    messages: {
      outside: 'Pod {{pod}} has IP {{ip}}, outside the pod CIDR {{cidr}} of {{scope}}',
    },
  },
  check(ctx) {
    const { cluster } = ctx.model;
    for (const machine of cluster.machines) {
      const cidr = machine.podCidr ?? cluster.podCidr;
      if (!cidr) continue;
      const scope = machine.podCidr ? `machine ${machine.path}` : 'the cluster';
      for (const pod of machine.pods) {
        // A range of one family says nothing about an address of the other (dual stack).
        const ip = pod.ip;
        if (
          !ip ||
          pod.hostNetwork ||
          ip.value.family !== cidr.value.family ||
          contains(cidr.value, ip.value)
        ) {
          continue;
        }
        ctx.report({
          messageId: 'outside',
          data: { pod: pod.path, ip: ip.value.text, cidr: cidr.value.text, scope },
          loc: ip.loc,
          related: [{ ...cidr.loc, message: `pod CIDR ${cidr.value.text} is declared here` }],
        });
      }
    }
  },
});
