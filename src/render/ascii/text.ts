// User text made safe to draw (no ANSI escapes, no control or bidi characters) and measured,
// wrapped and padded by display width (string-width: CJK and emoji count two columns).

import stripAnsi from 'strip-ansi';
import { displayWidth as measuredWidth } from '../../text/width.js';

// C0, DEL and C1 controls (newlines and tabs included: they become spaces), Unicode line and
// paragraph separators.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL_OR_SEPARATOR = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
// Format characters (bidi overrides, zero-width space, BOM, soft hyphen…) except the joiners
// and tag characters that emoji sequences are made of.
const FORMAT_CHARACTER = /(?!\u200c|\u200d|[\u{e0020}-\u{e007f}])\p{Cf}/gu;

/** Joins two words that wrapping must keep on one line (`IP 10.0.0.1`); drawn as a plain space. */
export const NO_BREAK_SPACE = '\u00a0';

/** Words up to this many columns are never broken; longer ones may be split to fit a narrow box. */
export const UNBROKEN_WORD_COLUMNS = 16;

// Grapheme boundaries do not depend on the locale; naming one keeps the output machine-independent.
const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * One line of drawable text: ANSI stripped, controls → spaces, format characters dropped, spaces
 * (no-break spaces too) collapsed into one plain space.
 */
export function cleanText(text: string): string {
  return stripAnsi(text)
    .replace(CONTROL_OR_SEPARATOR, ' ')
    .replace(FORMAT_CHARACTER, '')
    .replace(/\s+/g, ' ')
    .trim();
}

// Drawings measure the same lines over and over (each nesting level pads them again); string-width
// is slow on non-ASCII text, so widths are remembered. The cache is cleared when it grows large.
const widthCache = new Map<string, number>();
const WIDTH_CACHE_LIMIT = 20_000;

/** Terminal columns of the text (CJK and most emoji count two). */
export function displayWidth(text: string): number {
  let width = widthCache.get(text);
  if (width === undefined) {
    width = measuredWidth(text);
    if (widthCache.size >= WIDTH_CACHE_LIMIT) widthCache.clear();
    widthCache.set(text, width);
  }
  return width;
}

/** Pads with spaces to `width` display columns (text already at most that wide). */
export function padToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

function graphemesOf(text: string): string[] {
  return Array.from(GRAPHEMES.segment(text), (part) => part.segment);
}

/**
 * The narrowest width `wrapText` can wrap cleaned text to: every word up to
 * `UNBROKEN_WORD_COLUMNS` wide stays whole, and no grapheme is split.
 */
export function minWrapWidth(text: string): number {
  let min = 0;
  for (const word of text.split(' ')) {
    const width = displayWidth(word);
    // Only a word that may be split needs its widest grapheme: a shorter word stays whole.
    const needed =
      width <= UNBROKEN_WORD_COLUMNS
        ? width
        : Math.max(UNBROKEN_WORD_COLUMNS, ...graphemesOf(word).map((grapheme) => displayWidth(grapheme)));
    min = Math.max(min, needed);
  }
  return min;
}

/** Splits a word wider than `width` into pieces of at most `width` columns, at grapheme boundaries. */
function breakWord(word: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const grapheme of graphemesOf(word)) {
    if (piece !== '' && displayWidth(piece + grapheme) > width) {
      pieces.push(piece);
      piece = '';
    }
    piece += grapheme;
  }
  pieces.push(piece);
  return pieces;
}

/**
 * Wraps cleaned text at spaces into lines of at most `width` columns (`width` ≥ `minWrapWidth`);
 * a word wider than a line is split. Empty text gives no lines.
 */
export function wrapText(text: string, width: number): string[] {
  if (text === '') return [];
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const word of text.split(' ')) {
    const wordWidth = displayWidth(word);
    if (line !== '' && lineWidth + 1 + wordWidth <= width) {
      line = `${line} ${word}`;
      lineWidth += 1 + wordWidth;
      continue;
    }
    if (line !== '') lines.push(line);
    const pieces = wordWidth > width ? breakWord(word, width) : [word];
    line = pieces.pop() ?? '';
    lineWidth = displayWidth(line);
    lines.push(...pieces);
  }
  lines.push(line);
  return lines.map((wrapped) => wrapped.replaceAll(NO_BREAK_SPACE, ' '));
}

/**
 * Like `wrapText`, but lines after the first are indented by `indent` spaces; every line is at most
 * `width` wide (`width - indent` ≥ `minWrapWidth`).
 */
export function wrapHanging(text: string, width: number, indent: number): string[] {
  const first = wrapText(text, width)[0];
  if (first === undefined) return [];
  // Cleaned text has single spaces, so the first line is always a prefix of it.
  const rest = wrapText(text.slice(first.length).trimStart(), width - indent);
  return [first, ...rest.map((line) => ' '.repeat(indent) + line)];
}
