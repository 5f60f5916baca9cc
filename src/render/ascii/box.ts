// One box: its parts (wrapped text, blank lines, nested drawings) fitted to the width budget and
// drawn by boxen with a pinned width, one column of padding each side and no colour.

import boxen from 'boxen';
import type { EntityKind } from '../../model/types.js';
import type { Glyphs } from './charset.js';
import { type Block, widenLines } from './layout.js';
import { AsciiWidthError } from './options.js';
import { displayWidth, minWrapWidth, padToWidth, wrapHanging } from './text.js';

/** Where a drawing goes: how wide it may be, and how many columns the boxes around it take. */
export interface Frame {
  width: number;
  /** Columns used by the enclosing boxes: `width + outer` is the whole budget. */
  outer: number;
  glyphs: Glyphs;
}

export type BoxPart =
  /** Cleaned text, wrapped to the box; `indent` for its continuation lines; `cap` limits how much it widens the box. */
  | { kind: 'text'; text: string; indent?: number; cap?: number }
  | { kind: 'blank' }
  /** Nested drawings, drawn for the box's inside. */
  | { kind: 'blocks'; draw: (inside: Frame) => Block };

export interface BoxSpec {
  /** The entity the box stands for, named in a width error. */
  entity: { kind: EntityKind; path: string };
  parts: BoxPart[];
}

/** Border and padding columns of a box (one border and one space each side). */
export const BOX_CHROME = 4;

export function textPart(text: string, options: { indent?: number; cap?: number } = {}): BoxPart[] {
  return text === '' ? [] : [{ kind: 'text', text, ...options }];
}

export const BLANK: BoxPart = { kind: 'blank' };

/** Draws the box at most `frame.width` wide; throws AsciiWidthError when even its narrowest form is wider. */
export function drawBox(spec: BoxSpec, frame: Frame): Block {
  const maxInner = frame.width - BOX_CHROME;
  const minInner = Math.max(
    1,
    ...spec.parts.map((part) => (part.kind === 'text' ? minWrapWidth(part.text) + (part.indent ?? 0) : 0)),
  );
  if (maxInner < minInner) {
    const { kind, path } = spec.entity;
    throw new AsciiWidthError(
      path,
      minInner + BOX_CHROME + frame.outer,
      frame.width + frame.outer,
      `box of ${kind} "${path}"`,
    );
  }
  const inside: Frame = { width: maxInner, outer: frame.outer + BOX_CHROME, glyphs: frame.glyphs };
  const drawn = spec.parts.map((part) => (part.kind === 'blocks' ? part.draw(inside) : part));
  const natural = drawn.map((part) => {
    if ('lines' in part) return part.width;
    if (part.kind === 'text') return Math.min(displayWidth(part.text), part.cap ?? Number.POSITIVE_INFINITY);
    return 0;
  });
  const innerWidth = Math.min(maxInner, Math.max(minInner, ...natural));
  const content = drawn.flatMap((part) => {
    if ('lines' in part) return widenLines(part, innerWidth);
    if (part.kind === 'text') {
      return wrapHanging(part.text, innerWidth, part.indent ?? 0).map((line) => padToWidth(line, innerWidth));
    }
    return [' '.repeat(innerWidth)];
  });
  const draw = (height?: number): Block => {
    // boxen draws the frame around an empty inside (blank ASCII lines measure fast); the content
    // lines, already exactly `innerWidth` wide, are then set into it between the padding spaces.
    const frameLines = boxen(content.map(() => '').join('\n'), {
      borderStyle: { ...frame.glyphs.border },
      padding: { top: 0, right: 1, bottom: 0, left: 1 },
      width: innerWidth + BOX_CHROME,
      ...(height === undefined ? {} : { height }),
    }).split('\n');
    const { left, right } = frame.glyphs.border;
    const filled = frameLines.map((line, index) => {
      const contentLine = content[index - 1];
      return index === 0 || contentLine === undefined ? line : `${left} ${contentLine} ${right}`;
    });
    return { lines: filled, width: innerWidth + BOX_CHROME, grow: draw };
  };
  return draw();
}
