// volume-undeclared: a container mounts only volumes of its own pod; volumes are not shared across pods.

import { closest, distance } from 'fastest-levenshtein';
import type { Pod, Topology, Volume } from '../../model/types.js';
import { describeEntityAtStart } from '../describe.js';
import { defineRule } from '../rule.js';

/** Every volume of the model by name, in declaration order: built at the first undeclared mount. */
function volumesByName(model: Topology): Map<string, Volume[]> {
  const byName = new Map<string, Volume[]>();
  for (const machine of model.cluster.machines) {
    for (const pod of machine.pods) {
      for (const volume of pod.volumes) {
        const named = byName.get(volume.name);
        if (named) named.push(volume);
        else byName.set(volume.name, [volume]);
      }
    }
  }
  return byName;
}

/** The first volume named `name` in a pod other than `pod`. */
function volumeElsewhere(byName: Map<string, Volume[]>, pod: Pod, name: string): Volume | undefined {
  return byName.get(name)?.find((volume) => volume.parent !== pod);
}

export default defineRule({
  meta: {
    id: 'volume-undeclared',
    description: 'A `mount` of a volume that its own pod does not declare',
    defaultSeverity: 'error',
    fact: 'Volumes are declared per pod (`.spec.volumes`) and mounted per container (`volumeMounts`); a mount "must match the Name of a Volume" of the same pod, and only that pod\'s containers share it.',
    url: 'https://kubernetes.io/docs/concepts/storage/volumes/',
    hint: 'Declare `volume NAME { type … }` in the pod of the container that mounts it, or correct the name.',
    messages: {
      undeclared: '{{container}} mounts volume {{volume}}, which pod {{pod}} does not declare',
      didYouMean:
        '{{container}} mounts volume {{volume}}, which pod {{pod}} does not declare; did you mean {{suggestion}}?',
      otherPod:
        '{{container}} mounts volume {{volume}}, which only pod {{other}} declares; volumes are shared only inside a pod, so declare it in pod {{pod}} too',
    },
  },
  check(ctx) {
    let byName: Map<string, Volume[]> | undefined;
    for (const machine of ctx.model.cluster.machines) {
      for (const pod of machine.pods) {
        for (const container of pod.containers) {
          for (const mount of container.mounts) {
            if (mount.volume) continue;
            const names = pod.volumes.map((v) => v.name);
            if (names.includes(mount.volumeName)) continue;
            const data = {
              container: describeEntityAtStart(mount.owner),
              volume: mount.volumeName,
              pod: pod.path,
            };
            byName ??= volumesByName(ctx.model);
            const other = volumeElsewhere(byName, pod, mount.volumeName);
            if (other) {
              ctx.report({
                messageId: 'otherPod',
                data: { ...data, other: other.parent.path },
                loc: mount.loc,
                related: [
                  {
                    ...other.loc,
                    message: `volume ${mount.volumeName} is declared here, in pod ${other.parent.path}`,
                  },
                ],
              });
              continue;
            }
            const suggestion = names.length > 0 ? closest(mount.volumeName, names) : undefined;
            if (suggestion !== undefined && distance(suggestion, mount.volumeName) <= 2) {
              ctx.report({ messageId: 'didYouMean', data: { ...data, suggestion }, loc: mount.loc });
            } else ctx.report({ messageId: 'undeclared', data, loc: mount.loc });
          }
        }
      }
    }
  },
});
