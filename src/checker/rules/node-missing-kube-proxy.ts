// node-missing-kube-proxy: a node (a machine running kubelet) normally runs kube-proxy too.

import { isNode } from '../kubernetes.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'node-missing-kube-proxy',
    description: 'A node (a machine running `kubelet`) without `kube-proxy`',
    defaultSeverity: 'warn',
    fact: 'kube-proxy runs on each node and maintains the network rules that implement Services. It is optional: "If you use a network plugin that implements packet forwarding for Services by itself … you do not need to run kube-proxy". Hence a warning, not an error.',
    url: 'https://kubernetes.io/docs/concepts/architecture/#kube-proxy',
    hint: 'Add `process kube-proxy` (or a kube-proxy pod) to the node, or turn the rule off when your network plugin replaces kube-proxy.',
    messages: {
      missing: 'Node {{machine}} runs kubelet but no kube-proxy (as a process or a container)',
    },
  },
  check(ctx) {
    for (const machine of ctx.model.cluster.machines) {
      if (!isNode(machine)) continue;
      const runsKubeProxy =
        machine.processes.some((p) => p.name === 'kube-proxy') ||
        machine.pods.some((pod) =>
          pod.containers.some(
            (c) => c.name === 'kube-proxy' || c.processes.some((p) => p.name === 'kube-proxy'),
          ),
        );
      if (runsKubeProxy) continue;
      ctx.report({ messageId: 'missing', data: { machine: machine.path }, loc: machine.loc });
    }
  },
});
