// workload-unplaceable: a workload whose pods have no node to run on, or no address left in
// their node's pod CIDR.

import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'workload-unplaceable',
    description: "A workload with no eligible node, or more pods than its nodes' pod CIDRs hold",
    defaultSeverity: 'error',
    fact: "The scheduler places a workload's pods only on nodes (machines running kubelet) it may use; with none, the pods stay Pending. Each pod then takes an address from its node's pod CIDR, and when the node's range is used up the CNI plugin cannot give it one and the pod never starts.",
    url: 'https://kubernetes.io/docs/concepts/workloads/',
    hint: 'Name nodes that run kubelet in `on` (or add such a machine), and give nodes a `pod-cidr` large enough for their pods.',
    messages: {
      noNode: '{{kind}} {{workload}} has no node to run on: {{why}}',
      tooMany:
        "{{kind}} {{workload}} is not placed: the model's workloads stand for more than {{limit}} pods",
      cidrFull:
        "{{kind}} {{workload}}: pod {{pod}} finds no free address in node {{node}}'s pod CIDR {{cidr}}",
    },
  },
  check(ctx) {
    for (const workload of ctx.model.cluster.workloads) {
      for (const problem of workload.placementProblems) {
        const data = { kind: workload.workloadKind, workload: workload.path };
        if (problem.kind === 'too-many') {
          const limit = problem.limit;
          ctx.report({
            messageId: 'tooMany',
            data: { ...data, limit },
            loc: workload.replicasLoc ?? workload.loc,
          });
        } else if (problem.kind === 'no-node') {
          const why =
            workload.on.length === 0
              ? 'no machine runs kubelet'
              : `none of ${workload.on.join(', ')} is a machine running kubelet`;
          ctx.report({ messageId: 'noNode', data: { ...data, why }, loc: workload.onLoc ?? workload.loc });
        } else {
          const cidr = problem.node.podCidr;
          ctx.report({
            messageId: 'cidrFull',
            data: { ...data, pod: problem.pod, node: problem.node.path, cidr: cidr?.value.text ?? '' },
            loc: workload.replicasLoc ?? workload.loc,
            ...(cidr ? { related: [{ ...cidr.loc, message: `node ${problem.node.path}'s pod CIDR` }] } : {}),
          });
        }
      }
    }
  },
});
