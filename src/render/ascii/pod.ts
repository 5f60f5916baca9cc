// The pod view (reference figure "POD"): the pod's container boxes side by side with the pause
// container that holds the shared namespaces, then what the containers share and what they do not.

import type { Container, Pod } from '../../model/types.js';
import { BLANK, type BoxPart, drawBox, type Frame, textPart } from './box.js';
import { containerBox, headingParts, NOTE_COLUMNS, rowPart } from './boxes.js';
import { titleOf } from './describe.js';
import { type Block, textBlock } from './layout.js';
import { cleanText, displayWidth, NO_BREAK_SPACE, padToWidth } from './text.js';

/** The pause container, drawn unboxed between the container boxes as in the reference figure. */
export const PAUSE_LINES = ['pause', 'container'];

export function podViewBox(pod: Pod, frame: Frame): Block {
  const namespace = pod.namespace === 'default' ? [] : textPart(`namespace: ${cleanText(pod.namespace)}`);
  const members: (Container | 'pause')[] = [...pod.containers];
  members.splice(Math.min(1, members.length), 0, 'pause');
  // The sharing lines (`filesystem,` is 11 columns) keep the box wide enough for the pause block.
  const drawMember = (member: Container | 'pause', inside: Frame) =>
    member === 'pause' ? pauseBlock() : containerBox(member, inside);
  const row = rowPart(members, drawMember, { gap: 1, equalHeight: true });
  const parts: BoxPart[] = [...headingParts(pod), ...namespace, BLANK, ...row, BLANK, ...sharingParts(pod)];
  return drawBox({ entity: pod, parts }, frame);
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
  const volumes = `shared: storage volumes (${volumeNames.length > 0 ? volumeNames.join(', ') : 'none'})`;
  const lines = [network, volumes];
  if (pod.shareProcessNamespace) lines.push('shared: processes', 'NOT shared: filesystem');
  else lines.push('NOT shared: filesystem, processes');
  return lines.flatMap((line) => textPart(line, { indent: 2, cap: NOTE_COLUMNS }));
}
