import { describe, expect, it } from 'vitest';
import { decodeUtf8, firstInvalidSequence } from '../../src/model/utf8.js';

const bytes = (...values: number[]) => Uint8Array.from(values);
const encode = (text: string) => new TextEncoder().encode(text);

describe('decodeUtf8', () => {
  it('decodes valid text without a problem and keeps a BOM', () => {
    expect(decodeUtf8(encode('\uFEFFmachine é 😀\n'))).toEqual({ text: '\uFEFFmachine é 😀\n' });
  });

  it('reports the first invalid byte as a position in the decoded text', () => {
    const input = Uint8Array.from([...encode('ab\né😀x'), 0xff, ...encode('yz')]);
    const decoded = decodeUtf8(input);
    // line 2: `é` is one UTF-16 unit, `😀` two, `x` one → the bad byte is column 5
    expect(decoded.invalidAt).toEqual({
      start: { line: 2, column: 5, offset: 7 },
      end: { line: 2, column: 6, offset: 8 },
    });
    expect(decoded.text).toBe('ab\né😀x\uFFFDyz');
  });
});

describe('firstInvalidSequence', () => {
  it.each([
    ['a lone continuation byte', bytes(0x61, 0x80), 1],
    ['an overlong two-byte form', bytes(0xc0, 0xaf), 0],
    ['an overlong three-byte form', bytes(0x61, 0xe0, 0x80, 0xaf), 1],
    ['a UTF-16 surrogate', bytes(0xed, 0xa0, 0x80), 0],
    ['a code point above U+10FFFF', bytes(0xf4, 0x90, 0x80, 0x80), 0],
    ['a truncated sequence at the end', bytes(0x61, 0x62, 0xe2, 0x82), 2],
  ])('finds %s', (_, input, expected) => {
    expect(firstInvalidSequence(input)).toBe(expected);
  });

  it('returns the length for well-formed input', () => {
    const input = encode('κόσμε 😀 ok');
    expect(firstInvalidSequence(input)).toBe(input.length);
  });
});
