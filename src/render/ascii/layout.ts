// Composition of drawn blocks: stacking them, placing them side by side with a gap, and flowing
// them into rows that wrap when the width budget is used up. Widths are display widths.

import { displayWidth, padToWidth } from './text.js';

/** A drawn rectangle of text: every line is exactly `width` display columns wide. */
export interface Block {
  lines: string[];
  width: number;
  /** Redraws the block taller (a box grows at its bottom); absent for blocks that cannot grow. */
  grow?: (height: number) => Block;
}

export function textBlock(lines: string[]): Block {
  const width = Math.max(0, ...lines.map(displayWidth));
  return { lines: lines.map((line) => padToWidth(line, width)), width };
}

export const EMPTY_LINE: Block = { lines: [''], width: 0 };

/** The block's lines padded on the right to `width` (block lines are exactly `block.width` wide). */
export function widenLines(block: Block, width: number): string[] {
  const padding = ' '.repeat(Math.max(0, width - block.width));
  return padding === '' ? block.lines : block.lines.map((line) => line + padding);
}

/** Blocks one under another, left-aligned, padded to the widest. */
export function vstack(blocks: Block[]): Block {
  const width = Math.max(0, ...blocks.map((block) => block.width));
  return { lines: blocks.flatMap((block) => widenLines(block, width)), width };
}

/** Blocks side by side, tops aligned, `gap` spaces apart; shorter blocks are padded below. */
export function hstack(blocks: Block[], gap: number): Block {
  const height = Math.max(0, ...blocks.map((block) => block.lines.length));
  const lines: string[] = [];
  for (let row = 0; row < height; row++) {
    lines.push(blocks.map((block) => block.lines[row] ?? ' '.repeat(block.width)).join(' '.repeat(gap)));
  }
  const width = blocks.reduce((sum, block) => sum + block.width, 0) + gap * Math.max(0, blocks.length - 1);
  return { lines, width };
}

export interface FlowOptions {
  /** Spaces between blocks of a row. */
  gap: number;
  /** Empty lines between rows. */
  rowGap?: number;
  /** Grow the blocks of a row that can grow to the height of the row's tallest block. */
  equalHeight?: boolean;
}

/** Greedily places blocks (each at most `maxWidth` wide) in rows of at most `maxWidth` columns. */
export function flow(blocks: Block[], maxWidth: number, options: FlowOptions): Block {
  const rows = rowsOf(blocks, maxWidth, options.gap);
  const drawnRows = rows.map((items) =>
    hstack(options.equalHeight ? equalizeHeights(items) : items, options.gap),
  );
  const spacer = Array.from({ length: options.rowGap ?? 0 }, () => EMPTY_LINE);
  return vstack(drawnRows.flatMap((drawn, index) => (index === 0 ? [drawn] : [...spacer, drawn])));
}

/** The rows `flow` places the blocks in. */
export function rowsOf(blocks: Block[], maxWidth: number, gap: number): Block[][] {
  const rows: Block[][] = [];
  let row: Block[] = [];
  let rowWidth = 0;
  for (const block of blocks) {
    const widthWithBlock = row.length === 0 ? block.width : rowWidth + gap + block.width;
    if (row.length > 0 && widthWithBlock > maxWidth) {
      rows.push(row);
      row = [block];
      rowWidth = block.width;
    } else {
      row.push(block);
      rowWidth = widthWithBlock;
    }
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

function equalizeHeights(blocks: Block[]): Block[] {
  const height = Math.max(...blocks.map((block) => block.lines.length));
  return blocks.map((block) => (block.grow && block.lines.length < height ? block.grow(height) : block));
}
