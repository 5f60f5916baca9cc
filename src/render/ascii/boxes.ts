// The boxes the node and pod views share: a process, a group of processes (its note under the
// title) and a container, plus the row part that lays such boxes out side by side.

import type { Container, EntityBase, Group, Process } from '../../model/types.js';
import { type BoxPart, drawBox, type Frame, textPart } from './box.js';
import { noteOf, titleOf } from './describe.js';
import { type Block, type FlowOptions, flow } from './layout.js';

/** A note wraps rather than widening its box beyond this many columns. */
export const NOTE_COLUMNS = 40;

/** A box part holding the given boxes in rows that wrap at the box's inside width. */
export function rowPart<T>(
  items: T[],
  drawItem: (item: T, frame: Frame) => Block,
  options: FlowOptions,
): BoxPart[] {
  if (items.length === 0) return [];
  return [
    {
      kind: 'blocks',
      draw: (inside) =>
        flow(
          items.map((item) => drawItem(item, inside)),
          inside.width,
          options,
        ),
    },
  ];
}

/** Title and note, the first lines of every box. */
export function headingParts(entity: EntityBase, noteColumns = NOTE_COLUMNS): BoxPart[] {
  return [...textPart(titleOf(entity)), ...textPart(noteOf(entity), { cap: noteColumns })];
}

export function processBox(process: Process, frame: Frame): Block {
  return drawBox({ entity: process, parts: headingParts(process) }, frame);
}

/** A group box holds its processes and nested groups. */
export function groupBox(group: Group, frame: Frame): Block {
  const parts = [...headingParts(group), ...rowPart(group.children, processOrGroupBox, { gap: 1 })];
  return drawBox({ entity: group, parts }, frame);
}

export function processOrGroupBox(entity: Process | Group, frame: Frame): Block {
  return entity.kind === 'group' ? groupBox(entity, frame) : processBox(entity, frame);
}

/**
 * A container box holds the processes declared inside the container; an init or sidecar container
 * says so under its title (as the tables do), unless its title already does.
 */
export function containerBox(container: Container, frame: Frame): Block {
  const title = titleOf(container).toLowerCase();
  const role =
    container.role === 'app' || title.includes(container.role) ? [] : textPart(`(${container.role})`);
  const parts = [
    ...headingParts(container),
    ...role,
    ...rowPart(container.processes, processBox, { gap: 1 }),
  ];
  return drawBox({ entity: container, parts }, frame);
}
