// pod-ip-duplicate: every pod has its own cluster-wide IP, distinct from other pods and from machines.

import type { Machine, Pod } from '../../model/types.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'pod-ip-duplicate',
    description:
      'Two pods with one IP, or a pod IP equal to a machine IP (unless the pod uses `host-network`)',
    defaultSeverity: 'error',
    fact: '"Each pod in a cluster gets its own unique cluster-wide IP address", held by its own network namespace; only `host-network` pods share the machine\'s address.',
    url: 'https://kubernetes.io/docs/concepts/services-networking/#the-kubernetes-network-model',
    hint: "Give the pod an unused address from its node's pod CIDR (or mark it `host-network` if it really shares the machine's network).",
    messages: {
      podIp: 'Pod {{pod}} has IP {{ip}}, already the IP of pod {{other}}; each pod needs its own IP',
      machineIp:
        'Pod {{pod}} has IP {{ip}}, the IP of machine {{machine}}; a pod that is not host-network needs its own IP',
    },
  },
  check(ctx) {
    const machineByIp = new Map<string, Machine>();
    for (const machine of ctx.model.cluster.machines) {
      if (machine.ip && !machineByIp.has(machine.ip.value.text))
        machineByIp.set(machine.ip.value.text, machine);
    }
    const podByIp = new Map<string, Pod>();
    for (const machine of ctx.model.cluster.machines) {
      for (const pod of machine.pods) {
        if (!pod.ip || pod.hostNetwork) continue;
        const ip = pod.ip.value.text;
        const owner = machineByIp.get(ip);
        if (owner?.ip) {
          ctx.report({
            messageId: 'machineIp',
            data: { pod: pod.path, ip, machine: owner.path },
            loc: pod.ip.loc,
            related: [{ ...owner.ip.loc, message: `machine ${owner.path} has IP ${ip}` }],
          });
        }
        const other = podByIp.get(ip);
        if (other?.ip) {
          ctx.report({
            messageId: 'podIp',
            data: { pod: pod.path, ip, other: other.path },
            loc: pod.ip.loc,
            related: [{ ...other.ip.loc, message: `IP ${ip} first assigned here` }],
          });
        } else podByIp.set(ip, pod);
      }
    }
  },
});
