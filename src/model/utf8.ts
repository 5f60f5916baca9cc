// Strict UTF-8 decoding of source files: the text, and where the first invalid byte sequence
// starts (as a position in the decoded text) so it can be reported as a syntax error.

import type { Position } from '../diagnostics.js';

export interface DecodedText {
  /** The text; invalid sequences become U+FFFD. A leading BOM is kept (the parser skips it). */
  text: string;
  /** The first invalid sequence, one character wide in `text`. */
  invalidAt?: { start: Position; end: Position };
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lossy = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

export function decodeUtf8(bytes: Uint8Array): DecodedText {
  try {
    return { text: strict.decode(bytes) };
  } catch {
    const invalid = firstInvalidSequence(bytes);
    const prefix = strict.decode(bytes.subarray(0, invalid));
    return { text: lossy.decode(bytes), invalidAt: characterAfter(prefix) };
  }
}

/** The range of the one character that follows `prefix`. */
export function characterAfter(prefix: string): { start: Position; end: Position } {
  const start = endPosition(prefix);
  return { start, end: { line: start.line, column: start.column + 1, offset: start.offset + 1 } };
}

/** Position just after `text`. */
function endPosition(text: string): Position {
  const lastNewline = text.lastIndexOf('\n');
  let line = 1;
  for (const character of text) if (character === '\n') line++;
  return { line, column: text.length - lastNewline, offset: text.length };
}

/** Byte index where the first ill-formed sequence starts (RFC 3629 well-formedness). */
export function firstInvalidSequence(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] ?? 0;
    const length = sequenceLength(bytes, index, lead);
    if (length === 0) return index;
    index += length;
  }
  return bytes.length;
}

/** Length of the well-formed sequence starting at `index`, 0 when it is ill-formed. */
function sequenceLength(bytes: Uint8Array, index: number, lead: number): number {
  if (lead < 0x80) return 1;
  let length: number;
  let min = 0x80;
  let max = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead === 0xe0) min = 0xa0; // overlong
    if (lead === 0xed) max = 0x9f; // surrogates
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead === 0xf0) min = 0x90; // overlong
    if (lead === 0xf4) max = 0x8f; // above U+10FFFF
  } else return 0;
  for (let offset = 1; offset < length; offset++) {
    const byte = bytes[index + offset];
    const low = offset === 1 ? min : 0x80;
    const high = offset === 1 ? max : 0xbf;
    if (byte === undefined || byte < low || byte > high) return 0;
  }
  return length;
}
