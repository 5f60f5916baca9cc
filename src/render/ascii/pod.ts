// The pod view (reference figure "POD"): the pod's container boxes side by side with the pause
// container that holds the shared namespaces, then what the containers share and what they do not.

import type { Container, Pod } from '../../model/types.js';
import { BLANK, type BoxPart, drawBox, type Frame, textPart } from './box.js';
import { containerBox, detailedRowPart, headingParts, NOTE_COLUMNS } from './boxes.js';
import { titleOf } from './describe.js';
import { type Block, textBlock } from './layout.js';
import { cleanText, displayWidth, NO_BREAK_SPACE, padToWidth } from './text.js';

/** The pause container, drawn unboxed between the container boxes as in the reference figure. */
export const PAUSE_LINES = ['pause', 'container'];

export function podViewBox(pod: Pod, frame: Frame): Block {
  const namespace = pod.namespace === 'default' ? [] : textPart(`namespace: ${cleanText(pod.namespace)}`);
  // The pause container stands after the init containers and the first container that keeps
  // running, so `war (init) │ tomcat │ pause` reads in start order and app │ pause │ sidecar as drawn.
  const initContainers = pod.containers.filter((container) => container.role === 'init');
  const running = pod.containers.filter((container) => container.role !== 'init');
  const members: (Container | 'pause')[] = [
    ...initContainers,
    ...running.slice(0, 1),
    'pause',
    ...running.slice(1),
  ];
  // The sharing lines (`filesystem,` is 11 columns) keep the box wide enough for the pause block.
  const drawMember = (member: Container | 'pause', inside: Frame, details: boolean) =>
    member === 'pause' ? pauseBlock() : containerBox(member, inside, details);
  const row = detailedRowPart(members, drawMember, { gap: 1, equalHeight: true });
  const parts: BoxPart[] = [
    ...headingParts(pod),
    ...placeOf(pod),
    ...namespace,
    BLANK,
    ...row,
    BLANK,
    ...sharingParts(pod),
  ];
  return drawBox({ entity: pod, parts }, frame);
}

/** `on worker-2`, when a pod of the same name runs on another machine (else the title says enough). */
function placeOf(pod: Pod): BoxPart[] {
  const machine = pod.parent;
  if (machine.kind !== 'machine') return [];
  const namesake = machine.parent.machines.some(
    (other) => other !== machine && other.pods.some((candidate) => candidate.name === pod.name),
  );
  return namesake ? textPart(`on ${titleOf(machine)}`) : [];
}

function pauseBlock(): Block {
  const width = Math.max(...PAUSE_LINES.map(displayWidth));
  return textBlock(
    PAUSE_LINES.map((line) =>
      padToWidth(' '.repeat(Math.floor((width - displayWidth(line)) / 2)) + line, width),
    ),
  );
}

/** `shared: …` / `NOT shared: …` lines: one network namespace, the volumes, and processes when shared. */
function sharingParts(pod: Pod): BoxPart[] {
  const machineIp = pod.parent.kind === 'machine' ? pod.parent.ip?.value.text : undefined;
  const network = pod.hostNetwork
    ? `shared: the machine's network namespace (host network${machineIp === undefined ? '' : `, IP${NO_BREAK_SPACE}${machineIp}`})`
    : `shared: network namespace (IP${NO_BREAK_SPACE}${pod.ip?.value.text ?? 'not set'})`;
  const volumeNames = pod.volumes.map(titleOf);
  const lines = [network];
  if (volumeNames.length > 0) lines.push(`shared: storage volumes (${volumeNames.join(', ')})`);
  if (pod.shareProcessNamespace) lines.push('shared: processes', 'NOT shared: filesystem');
  else lines.push('NOT shared: filesystem, processes');
  return lines.flatMap((line) => textPart(line, { indent: 2, cap: NOTE_COLUMNS }));
}
