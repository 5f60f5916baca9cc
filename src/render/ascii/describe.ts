// The user text the views show for an entity: its label (else its name), its note and a pod's
// address, each cleaned of control characters and ANSI escapes.

import type { EntityBase, Pod } from '../../model/types.js';
import { cleanText, NO_BREAK_SPACE } from './text.js';

/** The label when it has visible text, else the name. */
export function titleOf(entity: EntityBase): string {
  return cleanText(entity.label ?? '') || cleanText(entity.name);
}

export function noteOf(entity: EntityBase): string {
  return cleanText(entity.note?.value ?? '');
}

/** `10.0.0.1`; a host-network pod has its machine's address: `192.168.0.10 (host network)`. */
export function podAddress(pod: Pod): string {
  if (pod.hostNetwork) {
    const machineIp = pod.parent.kind === 'machine' ? pod.parent.ip?.value.text : undefined;
    return machineIp === undefined ? 'host network' : `${machineIp}${NO_BREAK_SPACE}(host network)`;
  }
  return pod.ip?.value.text ?? 'not set';
}
