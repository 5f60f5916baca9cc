// The code frame of stylish: the source line of a finding (at most 200 characters, with an
// ellipsis on each cut side for long lines) and an underline of carets under its range.

import type { Range } from '../diagnostics.js';
import { displayWidth } from '../text/width.js';
import type { Palette } from './color.js';
import { printable, sourceLines } from './text.js';

/** The most characters of a source line a frame shows, ellipses included (rules.md C). */
export const MAX_FRAME_WIDTH = 200;
/** Characters kept before the range when a long line is cut. */
const CONTEXT_BEFORE = 40;
const ELLIPSIS = '…';

/**
 * Two lines (`N | text`, `  | ^^^`), or none when the line is not in the source; `caret` colours
 * the underline (red for errors, yellow for warnings).
 */
export function codeFrame(
  source: string | undefined,
  range: Range,
  colors: Palette,
  caret: (text: string) => string = colors.red,
): string[] {
  if (source === undefined) return [];
  const line = sourceLines(source)[range.start.line - 1];
  if (line === undefined) return [];
  const start = Math.min(Math.max(range.start.column - 1, 0), line.length);
  const end =
    range.end.line === range.start.line
      ? Math.min(Math.max(range.end.column - 1, start), line.length)
      : line.length;
  const window = visibleWindow(line, start);
  const shownStart = Math.min(Math.max(start, window.from), window.to);
  const shownEnd = Math.min(Math.max(end, shownStart), window.to);
  const lead = window.cutLeft ? ELLIPSIS : '';
  const text = `${lead}${printable(line.slice(window.from, window.to))}${window.cutRight ? ELLIPSIS : ''}`;
  const indent = displayWidth(lead + printable(line.slice(window.from, shownStart)));
  const carets = Math.max(1, displayWidth(printable(line.slice(shownStart, shownEnd))));
  const number = String(range.start.line);
  const gutter = (label: string) => colors.dim(`${label.padStart(number.length)} |`);
  return [`${gutter(number)} ${text}`, `${gutter('')} ${' '.repeat(indent)}${caret('^'.repeat(carets))}`];
}

interface Window {
  from: number;
  to: number;
  cutLeft: boolean;
  cutRight: boolean;
}

/** Which slice of a long line to show so that the range start is visible. */
function visibleWindow(line: string, start: number): Window {
  if (line.length <= MAX_FRAME_WIDTH) return { from: 0, to: line.length, cutLeft: false, cutRight: false };
  let from = Math.max(0, Math.min(start - CONTEXT_BEFORE, line.length - MAX_FRAME_WIDTH));
  let to = from + MAX_FRAME_WIDTH;
  const cutLeft = from > 0;
  const cutRight = to < line.length;
  if (cutLeft) from += 1;
  if (cutRight) to -= 1;
  if (isLowSurrogate(line.charCodeAt(from))) from += 1;
  if (isHighSurrogate(line.charCodeAt(to - 1))) to -= 1;
  return { from, to, cutLeft, cutRight };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
