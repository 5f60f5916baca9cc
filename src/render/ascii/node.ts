// The node view (reference figures "NODE (a machine)" and the node with POD 1 / POD 2): a machine
// box holding its process and group boxes, then its pods side by side, each with its containers and IP.

import { isNode } from '../../model/query.js';
import type { Machine, Pod } from '../../model/types.js';
import { BLANK, type BoxPart, drawBox, type Frame, textPart } from './box.js';
import { containerBox, detailedRowPart, headingParts, processOrGroupBox, rowPart } from './boxes.js';
import { podAddress } from './describe.js';
import type { Block } from './layout.js';
import { NO_BREAK_SPACE } from './text.js';

export const NO_PODS = '[ pods running here ]';
export const NO_CONTAINERS = '[ no containers ]';

export function nodeBox(machine: Machine, frame: Frame): Block {
  const processes = machine.children.filter((child) => child.kind !== 'pod');
  const processRows = rowPart(processes, processOrGroupBox, { gap: 1 });
  // Only a node (a machine running kubelet) runs pods: a laptop or a load balancer gets no placeholder.
  const placeholder = isNode(machine) ? textPart(NO_PODS) : [];
  const pods = machine.pods.length > 0 ? detailedRowPart(machine.pods, podBox, { gap: 2 }) : placeholder;
  const parts: BoxPart[] = [
    ...headingParts(machine),
    BLANK,
    ...(processRows.length > 0 ? [...processRows, ...(pods.length > 0 ? [BLANK] : [])] : []),
    ...pods,
  ];
  return drawBox({ entity: machine, parts }, frame);
}

/**
 * A pod as the node view shows it: title, note, container boxes side by side (with their image and
 * ports when `details` and they fit), `IP: …`.
 */
function podBox(pod: Pod, frame: Frame, details: boolean): Block {
  const row = { gap: 1, equalHeight: true };
  const containers =
    pod.containers.length === 0
      ? textPart(NO_CONTAINERS)
      : details
        ? detailedRowPart(pod.containers, containerBox, row)
        : rowPart(pod.containers, (container, inside) => containerBox(container, inside), row);
  const parts = [...headingParts(pod), ...containers, ...textPart(`IP:${NO_BREAK_SPACE}${podAddress(pod)}`)];
  return drawBox({ entity: pod, parts }, frame);
}
