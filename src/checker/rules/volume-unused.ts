// volume-unused: a pod volume that no container of the pod mounts.

import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'volume-unused',
    description: 'A pod volume that no container mounts',
    defaultSeverity: 'warn',
    fact: 'A pod\'s volume is reachable only where a container mounts it: each container "must independently specify where to mount each volume". An unmounted volume is dead configuration, or a `mount` was forgotten.',
    url: 'https://kubernetes.io/docs/concepts/storage/volumes/',
    hint: 'Mount the volume in the container that needs it (`mount NAME at "/path"`), or remove it.',
    messages: {
      unused: 'Volume {{volume}} of pod {{pod}} is not mounted by any of its containers',
    },
  },
  check(ctx) {
    // Every pod, unscheduled workload templates included.
    for (const pod of ctx.index.pods) {
      if (pod.volumes.length === 0) continue;
      const mounted = new Set(pod.containers.flatMap((c) => c.mounts.map((m) => m.volumeName)));
      for (const volume of pod.volumes) {
        if (mounted.has(volume.name)) continue;
        ctx.report({ messageId: 'unused', data: { volume: volume.name, pod: pod.path }, loc: volume.loc });
      }
    }
  },
});
