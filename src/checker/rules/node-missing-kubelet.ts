// node-missing-kubelet: a machine that hosts pods must run a kubelet, or it is not a node.

import { isNode } from '../kubernetes.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'node-missing-kubelet',
    description: 'A machine that hosts pods but runs no `kubelet`',
    defaultSeverity: 'error',
    fact: 'The kubelet is what makes a machine a node: "no kubelet = no node", as the reference text puts it. It is the agent that runs on each node and "makes sure that containers are running in a Pod"; a machine without one runs no pods, static pods included.',
    url: 'https://kubernetes.io/docs/concepts/architecture/#node-components',
    hint: 'Add `process kubelet` to the machine, or move its pods to a node.',
    messages: {
      missing:
        'Machine {{machine}} hosts {{count}} pod(s) but runs no kubelet; without a kubelet it is not a node and nothing runs its pods',
    },
  },
  check(ctx) {
    for (const machine of ctx.model.cluster.machines) {
      const firstPod = machine.pods[0];
      if (!firstPod || isNode(machine)) continue;
      ctx.report({
        messageId: 'missing',
        data: { machine: machine.path, count: machine.pods.length },
        loc: machine.loc,
        related: [{ ...firstPod.loc, message: `pod ${firstPod.path} is declared here` }],
      });
    }
  },
});
