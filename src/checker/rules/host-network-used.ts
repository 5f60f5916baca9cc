// host-network-used: host-network pods share the node's network namespace; only control-plane
// static pods (kubeadm style) and node-level DaemonSet agents (kube-proxy, CNI) are expected to.

import type { Pod } from '../../model/types.js';
import { isControlPlaneStaticPod } from '../kubernetes.js';
import { defineRule } from '../rule.js';

/** Node agents that run with the host network by design, as DaemonSets (or their pods by name). */
const NODE_AGENTS = [
  'kube-proxy',
  'calico-node',
  'cilium',
  'cilium-agent',
  'kube-flannel',
  'kube-flannel-ds',
  'kindnet',
  'aws-node',
  'weave-net',
  'kube-router',
  'antrea-agent',
  'node-exporter',
  'nvidia-device-plugin',
  'ebs-csi-node',
];

/** A pod of a `daemonset` block, or a pod or container named after a well-known node agent. */
function isNodeAgent(pod: Pod): boolean {
  if (pod.workload?.workloadKind === 'daemonset') return true;
  const names = [pod.workload?.name ?? pod.name, ...pod.containers.map((container) => container.name)];
  return names.some((name) => NODE_AGENTS.some((agent) => name === agent || name.startsWith(`${agent}-`)));
}

export default defineRule({
  meta: {
    id: 'host-network-used',
    description: 'A `host-network` pod that is neither a control-plane static pod nor a DaemonSet node agent',
    defaultSeverity: 'warn',
    fact: "A `host-network` pod shares the node's network namespace: its ports are the node's ports, it sees the node's interfaces, and it gets no IP of its own. The Kubernetes configuration guide says to avoid `hostNetwork` for the same reasons as `hostPort`, and the Pod Security Standards (Baseline) forbid it. kubeadm sets it on the control-plane static pods, so that they can start before a pod network exists, and the node agents every cluster runs as DaemonSets (kube-proxy, the CNI plugin: calico-node, cilium, kube-flannel, kindnet, aws-node) need it to program the node's own network.",
    url: 'https://kubernetes.io/docs/concepts/configuration/overview/',
    hint: "Remove `host-network` and reach the pod at its own IP; keep it only where the node's network is really needed.",
    messages: {
      used: 'Pod {{pod}} uses host-network: it shares the network namespace and ports of machine {{machine}}',
    },
  },
  check(ctx) {
    for (const machine of ctx.model.cluster.machines) {
      for (const pod of machine.pods) {
        if (!pod.hostNetwork || isControlPlaneStaticPod(pod) || isNodeAgent(pod)) continue;
        ctx.report({
          messageId: 'used',
          data: { pod: pod.path, machine: machine.path },
          loc: pod.hostNetworkLoc ?? pod.loc,
        });
      }
    }
  },
});
