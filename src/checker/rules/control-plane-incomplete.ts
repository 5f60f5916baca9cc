// control-plane-incomplete: a cluster with nodes needs etcd, kube-apiserver, kube-scheduler and
// kube-controller-manager, as machine processes or as containers of control-plane static pods.

import type { Topology } from '../../model/types.js';
import { REQUIRED_CONTROL_PLANE_COMPONENTS } from '../../model/well-known.js';
import { isControlPlaneStaticPod, isNode } from '../kubernetes.js';
import { defineRule } from '../rule.js';

/** Names of the control-plane components present anywhere in the cluster. */
function presentComponents(model: Topology): Set<string> {
  const present = new Set<string>();
  for (const machine of model.cluster.machines) {
    for (const process of machine.processes) present.add(process.name);
    for (const pod of machine.pods.filter(isControlPlaneStaticPod)) {
      for (const container of pod.containers) present.add(container.name);
    }
  }
  return present;
}

/** `a`, `a and b`, `a, b and c`. */
function joinNames(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

export default defineRule({
  meta: {
    id: 'control-plane-incomplete',
    description:
      'A cluster with nodes that lacks etcd, kube-apiserver, kube-scheduler or kube-controller-manager',
    defaultSeverity: 'error',
    fact: "The control plane is etcd (the cluster's data store), kube-apiserver (the API everyone talks to), kube-scheduler (places pods on nodes) and kube-controller-manager (runs the controllers). Without any one of them the cluster does not work. They may run as systemd services or as static pods; kubeadm uses static pods on the host network.",
    url: 'https://kubernetes.io/docs/concepts/architecture/#control-plane-components',
    hint: 'Add the missing components as processes of a control-plane machine, or as containers of host-network static pods (kubeadm style).',
    messages: {
      missing:
        'The cluster has nodes but lacks {{missing}} (as a machine process or a container of a host-network static pod)',
    },
  },
  check(ctx) {
    const { cluster } = ctx.model;
    const firstNode = cluster.machines.find(isNode);
    if (!firstNode) return;
    const present = presentComponents(ctx.model);
    const missing = REQUIRED_CONTROL_PLANE_COMPONENTS.filter((name) => !present.has(name));
    if (missing.length === 0) return;
    ctx.report({
      messageId: 'missing',
      data: { missing: joinNames(missing) },
      loc: cluster.implicit ? firstNode.loc : cluster.loc,
      related: cluster.implicit
        ? []
        : [{ ...firstNode.loc, message: `node ${firstNode.path} is declared here` }],
    });
  },
});
