// node-missing-runtime: a machine that hosts pods must run a container runtime.

import { CONTAINER_RUNTIMES, isContainerRuntime } from '../../model/well-known.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'node-missing-runtime',
    description: 'A machine that hosts pods but runs no container runtime',
    defaultSeverity: 'error',
    fact: '"You need to install a container runtime into each node in the cluster so that Pods can run there." The kubelet does not run containers itself; it asks the runtime through the CRI.',
    url: 'https://kubernetes.io/docs/concepts/architecture/#container-runtime',
    hint: 'Add a runtime process to the machine: `process containerd` (or `cri-o`, `cri-dockerd`).',
    messages: {
      missing:
        'Machine {{machine}} hosts {{count}} pod(s) but runs no container runtime (one of: {{runtimes}})',
    },
  },
  check(ctx) {
    for (const machine of ctx.model.cluster.machines) {
      const firstPod = machine.pods[0];
      if (!firstPod || machine.processes.some((p) => isContainerRuntime(p.name))) continue;
      ctx.report({
        messageId: 'missing',
        data: { machine: machine.path, count: machine.pods.length, runtimes: CONTAINER_RUNTIMES.join(', ') },
        loc: machine.loc,
        related: [{ ...firstPod.loc, message: `pod ${firstPod.path} is declared here` }],
      });
    }
  },
});
