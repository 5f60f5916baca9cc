// Offsets → line/column positions of one source text (lines end at LF, CRLF or a lone CR, like the lexer's
// `Newline`). Columns are 1-based UTF-16 code units, offsets 0-based, range ends exclusive.

import type { Position, Range } from '../diagnostics.js';

export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) this.lineStarts.push(i + 1);
    }
  }

  /** The position of an offset; offsets outside the text are clamped into it. */
  positionAt(offset: number): Position {
    const clamped = Math.min(Math.max(0, offset), this.text.length);
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.lineStarts[middle] ?? 0) <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: clamped - (this.lineStarts[low] ?? 0) + 1, offset: clamped };
  }

  /** `start` inclusive, `end` exclusive. */
  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(Math.max(start, end)) };
  }

  /** True when only spaces and tabs stand between the start of the line and `offset`. */
  isFirstOnLine(offset: number): boolean {
    for (let i = offset - 1; i >= 0; i--) {
      const code = this.text.charCodeAt(i);
      if (code === 10 || code === 13) return true;
      if (code !== 32 && code !== 9) return false;
    }
    return true;
  }
}
