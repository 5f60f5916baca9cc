// Offsets → line/column positions of one source text (lines end at LF, CRLF or a lone CR, like the lexer's
// `Newline`). Columns are 1-based UTF-16 code units, offsets 0-based, range ends exclusive.

import type { Position, Range } from '../diagnostics.js';

export class LineIndex {
  private readonly lineStarts: number[] = [0];
  /** The line of the last position asked for (0-based): the usual place of the next one. */
  private lastLine = 0;

  constructor(readonly text: string) {
    if (!text.includes('\r')) {
      // Every line ends at LF: the native search finds them faster than a loop over the characters.
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) this.lineStarts.push(i + 1);
    }
  }

  /** The position of an offset; offsets outside the text are clamped into it. */
  positionAt(offset: number): Position {
    const clamped = Math.min(Math.max(0, offset), this.text.length);
    const index = this.lineIndexOf(clamped);
    this.lastLine = index;
    return { line: index + 1, column: clamped - (this.lineStarts[index] ?? 0) + 1, offset: clamped };
  }

  /**
   * The 0-based line holding `offset`. Callers mostly ask in text order, so the line of the previous
   * answer and the one after it are tried before a binary search.
   */
  private lineIndexOf(offset: number): number {
    const starts = this.lineStarts;
    const last = this.lastLine;
    if ((starts[last] ?? 0) <= offset) {
      const next = starts[last + 1];
      if (next === undefined || offset < next) return last;
      const afterNext = starts[last + 2];
      if (afterNext === undefined || offset < afterNext) return last + 1;
    }
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
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
