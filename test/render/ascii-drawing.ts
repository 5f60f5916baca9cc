// Reads an ASCII drawing back into boxes, for well-formedness tests: every box closed with matching
// corners, boxes nested or disjoint, and a list of everything that is wrong with the drawing.

import { type BorderChars, glyphsFor } from '../../src/render/ascii/charset.js';
import type { Charset } from '../../src/render/ascii/options.js';
import { displayWidth } from '../../src/render/ascii/text.js';

/** A box by the cells of its corners (0-based rows and display columns, inclusive). */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });
/** Marks the second column of a two-column character. */
const CONTINUATION = '';

/** One entry per display column: the character that starts there, or CONTINUATION. */
export function toCells(line: string): string[] {
  // Printable ASCII and box-drawing characters are one column each: no segmenting needed.
  if (/^[\u0020-\u007e\u2500-\u257f]*$/.test(line)) return [...line];
  const cells: string[] = [];
  for (const { segment } of GRAPHEMES.segment(line)) {
    const width = displayWidth(segment);
    cells.push(segment);
    for (let extra = 1; extra < width; extra++) cells.push(CONTINUATION);
  }
  return cells;
}

export interface ParsedDrawing {
  boxes: Rect[];
  problems: string[];
}

/** Finds every box of a drawing and reports broken borders, overlaps and stray border characters. */
export function parseDrawing(text: string, charset: Charset): ParsedDrawing {
  const border = glyphsFor(charset).border;
  const grid = text.split('\n').map(toCells);
  const at = (row: number, column: number): string | undefined => grid[row]?.[column];
  const boxes: Rect[] = [];
  const problems: string[] = [];
  grid.forEach((cells, row) => {
    cells.forEach((cell, column) => {
      if (
        cell !== border.topLeft ||
        at(row, column + 1) !== border.top ||
        at(row + 1, column) !== border.left
      )
        return;
      const traced = traceBox(at, row, column, border);
      if (typeof traced === 'string')
        problems.push(`box at line ${row + 1}, column ${column + 1}: ${traced}`);
      else boxes.push(traced);
    });
  });
  problems.push(...overlapProblems(boxes), ...strayBorderProblems(grid, boxes, border, charset));
  return { boxes, problems };
}

function traceBox(
  at: (row: number, column: number) => string | undefined,
  top: number,
  left: number,
  border: BorderChars,
): Rect | string {
  let right = left + 1;
  while (at(top, right) === border.top) right++;
  if (at(top, right) !== border.topRight) return `top border ends in "${at(top, right) ?? 'end of line'}"`;
  let bottom = top + 1;
  while (at(bottom, right) === border.right) bottom++;
  if (at(bottom, right) !== border.bottomRight)
    return `right border ends in "${at(bottom, right) ?? 'nothing'}"`;
  if (at(bottom, left) !== border.bottomLeft) return 'bottom-left corner missing';
  for (let column = left + 1; column < right; column++) {
    if (at(bottom, column) !== border.bottom) return `bottom border broken at column ${column + 1}`;
  }
  for (let row = top + 1; row < bottom; row++) {
    if (at(row, left) !== border.left) return `left border broken at line ${row + 1}`;
  }
  return { top, left, bottom, right };
}

function inside(inner: Rect, outer: Rect): boolean {
  return (
    inner.top > outer.top &&
    inner.bottom < outer.bottom &&
    inner.left > outer.left &&
    inner.right < outer.right
  );
}

function disjoint(a: Rect, b: Rect): boolean {
  return a.bottom < b.top || b.bottom < a.top || a.right < b.left || b.right < a.left;
}

/** Pairs of boxes that share cells without one lying wholly inside the other. */
export function overlapProblems(boxes: Rect[]): string[] {
  const problems: string[] = [];
  boxes.forEach((a, index) => {
    for (const b of boxes.slice(index + 1)) {
      if (!disjoint(a, b) && !inside(a, b) && !inside(b, a)) {
        problems.push(`boxes at lines ${a.top + 1} and ${b.top + 1} overlap without nesting`);
      }
    }
  });
  return problems;
}

/** Border characters that belong to no box's border (in `ascii`, only `+`: `-` and `|` occur in names). */
function strayBorderProblems(
  grid: string[][],
  boxes: Rect[],
  border: BorderChars,
  charset: Charset,
): string[] {
  const checked = new Set(charset === 'ascii' ? ['+'] : Object.values(border));
  const borderCells = new Set<string>();
  for (const box of boxes) {
    for (let column = box.left; column <= box.right; column++) {
      borderCells.add(`${box.top},${column}`).add(`${box.bottom},${column}`);
    }
    for (let row = box.top; row <= box.bottom; row++)
      borderCells.add(`${row},${box.left}`).add(`${row},${box.right}`);
  }
  const problems: string[] = [];
  grid.forEach((cells, row) => {
    cells.forEach((cell, column) => {
      if (checked.has(cell) && !borderCells.has(`${row},${column}`)) {
        problems.push(`stray "${cell}" at line ${row + 1}, column ${column + 1}`);
      }
    });
  });
  return problems;
}
