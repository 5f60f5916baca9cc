// The boxes the node and pod views share: a process, a group of processes (its note under the
// title) and a container (its image and ports when there is room), plus the row part that lays
// such boxes out side by side.

import { portText } from '../../model/notation.js';
import type { Container, EntityBase, Group, Process } from '../../model/types.js';
import { type BoxPart, drawBox, type Frame, textPart } from './box.js';
import { noteOf, titleOf } from './describe.js';
import { type Block, type FlowOptions, flow, rowsOf } from './layout.js';
import { AsciiWidthError } from './options.js';
import { cleanText } from './text.js';

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

/**
 * A row of boxes with their details (a container's image and ports) when those fit: in as many rows
 * as the boxes without them take, and each box within the width. Otherwise the plain boxes, silently.
 */
export function detailedRowPart<T>(
  items: T[],
  drawItem: (item: T, frame: Frame, details: boolean) => Block,
  options: FlowOptions,
): BoxPart[] {
  if (items.length === 0) return [];
  const draw = (inside: Frame): Block => {
    const plain = items.map((item) => drawItem(item, inside, false));
    const detailed = withDetails(items, (item) => drawItem(item, inside, true));
    const fits =
      detailed !== undefined &&
      rowsOf(detailed, inside.width, options.gap).length <= rowsOf(plain, inside.width, options.gap).length;
    return flow(fits ? detailed : plain, inside.width, options);
  };
  return [{ kind: 'blocks', draw }];
}

/** The detailed boxes, or undefined when one of them cannot be drawn within the width. */
function withDetails<T>(items: T[], draw: (item: T) => Block): Block[] | undefined {
  try {
    return items.map(draw);
  } catch (error) {
    if (error instanceof AsciiWidthError) return undefined;
    throw error;
  }
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
export function containerBox(container: Container, frame: Frame, details = false): Block {
  const title = titleOf(container).toLowerCase();
  const role =
    container.role === 'app' || title.includes(container.role) ? [] : textPart(`(${container.role})`);
  const parts = [
    ...headingParts(container),
    ...role,
    ...(details ? detailParts(container) : []),
    ...rowPart(container.processes, processBox, { gap: 1 }),
  ];
  return drawBox({ entity: container, parts }, frame);
}

/** `image nginx:1.27` and `port 8080` (`ports 53/udp, 9153`): what the container runs and listens on. */
function detailParts(container: Container): BoxPart[] {
  const image = container.image === undefined ? [] : textPart(`image ${cleanText(container.image.value)}`);
  const ports = container.listens.map(portText);
  const portLine =
    ports.length === 0 ? [] : textPart(`${ports.length === 1 ? 'port' : 'ports'} ${ports.join(', ')}`);
  return [...image, ...portLine];
}
