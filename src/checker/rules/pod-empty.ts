// pod-empty: a pod needs at least one app or sidecar container (init containers alone do not run it).

import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'pod-empty',
    description: 'A pod with no app or sidecar container',
    defaultSeverity: 'error',
    fact: '"There must be at least one container in a Pod." Init containers run to completion before the app containers start, so a pod of init containers only has nothing left running.',
    url: 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/',
    hint: 'Add a `container NAME { image "…" }` to the pod, or remove the pod.',
    messages: {
      noContainers: 'Pod {{pod}} has no containers; a pod needs at least one',
      onlyInit: 'Pod {{pod}} has only init containers; a pod needs at least one app or sidecar container',
    },
  },
  check(ctx) {
    // Every pod, unscheduled workload templates included.
    for (const pod of ctx.index.pods) {
      if (pod.containers.some((c) => c.role !== 'init')) continue;
      ctx.report({
        messageId: pod.containers.length === 0 ? 'noContainers' : 'onlyInit',
        data: { pod: pod.path },
        loc: pod.loc,
      });
    }
  },
});
