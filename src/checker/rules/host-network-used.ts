// host-network-used: host-network pods share the node's network namespace; only control-plane
// static pods (kubeadm style) are expected to use it.

import { isControlPlaneStaticPod } from '../kubernetes.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'host-network-used',
    description: 'A host-network pod that is not a control-plane static pod',
    defaultSeverity: 'warn',
    fact: "Avoid hostNetwork for the same reasons as hostPort: the pod shares the node's network namespace and port space. kubeadm sets it only on the control-plane static pods, so they can start before a pod network exists.",
    url: 'https://kubernetes.io/docs/concepts/configuration/overview/',
    hint: "Remove `host-network` and reach the pod at its own IP; keep it only where the node's network is really needed.",
    messages: {
      used: 'Pod {{pod}} uses host-network: it shares the network namespace and ports of machine {{machine}}',
    },
  },
  check(ctx) {
    for (const machine of ctx.model.cluster.machines) {
      for (const pod of machine.pods) {
        if (!pod.hostNetwork || isControlPlaneStaticPod(pod)) continue;
        ctx.report({
          messageId: 'used',
          data: { pod: pod.path, machine: machine.path },
          loc: pod.hostNetworkLoc ?? pod.loc,
        });
      }
    }
  },
});
