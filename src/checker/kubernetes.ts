// What the rules derive from the well-known process names (src/model/well-known.ts): which machines
// are nodes and which pods are control-plane static pods (language.md §5).

import { isNode } from '../model/query.js';
import type { Pod } from '../model/types.js';
import { isControlPlaneComponent } from '../model/well-known.js';

export { isNode };

/** A `host-network` pod with a container named after a control-plane component (kubeadm style). */
export function isControlPlaneStaticPod(pod: Pod): boolean {
  return pod.hostNetwork && pod.containers.some((container) => isControlPlaneComponent(container.name));
}
