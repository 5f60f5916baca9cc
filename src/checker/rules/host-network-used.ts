// host-network-used: host-network pods share the node's network namespace; only control-plane
// static pods (kubeadm style) are expected to use it.

import { isControlPlaneStaticPod } from '../kubernetes.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'host-network-used',
    description: 'A `host-network` pod that is not a control-plane static pod',
    defaultSeverity: 'warn',
    fact: "A `host-network` pod shares the node's network namespace: its ports are the node's ports, it sees the node's interfaces, and it gets no IP of its own. The Kubernetes configuration guide says to avoid `hostNetwork` for the same reasons as `hostPort`, and the Pod Security Standards (Baseline) forbid it. kubeadm sets it on the control-plane static pods only, so that they can start before a pod network exists.",
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
