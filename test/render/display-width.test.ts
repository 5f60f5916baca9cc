// displayWidth: string-width's answer on any text, in slices for long text so a run of 40,000
// emoji is measured in linear time instead of string-width's tens of seconds.

import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/text/width.js';

const PIECES = [
  'a',
  ' ',
  '日本',
  '😀',
  '👍🏽',
  '👨‍👩‍👧',
  '🇫🇷',
  'é',
  'e\u0301',
  '\u2764\uFE0F',
  '\t',
  '\u1100\u1161',
  '\u1100\u1161\u11A8',
  '\u1100',
  '\u{1F1EB}',
];

describe('displayWidth', () => {
  it('equals string-width on long mixed text, whatever falls on a slice boundary', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 1500, maxLength: 3000 }), (pieces) => {
        const text = pieces.join('');
        expect(displayWidth(text)).toBe(stringWidth(text));
      }),
      { numRuns: 30, endOnFailure: true },
    );
  });

  it('measures 40,000 emoji as 80,000 columns, slice by slice', () => {
    expect(displayWidth('😀'.repeat(40_000))).toBe(80_000);
    expect(displayWidth('👨‍👩‍👧'.repeat(5_000))).toBe(10_000);
    expect(displayWidth('🇫🇷'.repeat(5_000))).toBe(10_000);
  });
});
