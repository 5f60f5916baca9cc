// The text helpers of the ASCII renderer: cleaning user text, measuring and wrapping it.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cleanText,
  displayWidth,
  minWrapWidth,
  NO_BREAK_SPACE,
  UNBROKEN_WORD_COLUMNS,
  wrapHanging,
  wrapText,
} from '../../src/render/ascii/text.js';

describe('cleanText', () => {
  it.each([
    ['\u001b[31mred\u001b[0m', 'red'],
    ['\u001b]8;;https://example.com\u0007link\u001b]8;;\u0007', 'link'],
    ['\u009b31mC1\u009b0m', 'C1'],
    ['tab\there\nnewline\r\nend', 'tab here newline end'],
    ['bidi \u202eoverride\u202c and\u200b zero width', 'bidi override and zero width'],
    ['  many   spaces\u00a0and nbsp  ', 'many spaces and nbsp'],
    ['line\u2028separator', 'line separator'],
    ['\u0000\u0007\u007f', ''],
  ])('%j → %j', (input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  it('keeps emoji sequences, accents and CJK intact', () => {
    expect(cleanText('👩‍💻 dev 🏳️‍🌈 naïve ノード')).toBe('👩‍💻 dev 🏳️‍🌈 naïve ノード');
  });
});

describe('displayWidth', () => {
  it('counts CJK and emoji as two columns', () => {
    expect(displayWidth('ノード')).toBe(6);
    expect(displayWidth('👩‍💻')).toBe(2);
    expect(displayWidth('Café')).toBe(4);
  });
});

describe('wrapText', () => {
  it('wraps at spaces', () => {
    expect(wrapText('kube-scheduler kube-controller-manager etcd', 24)).toEqual([
      'kube-scheduler',
      'kube-controller-manager',
      'etcd',
    ]);
  });

  it('splits a word wider than the line, never inside an emoji sequence', () => {
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapText('👩‍💻👩‍💻👩‍💻', 4)).toEqual(['👩‍💻👩‍💻', '👩‍💻']);
  });

  it('keeps words joined by a no-break space together and draws it as a space', () => {
    expect(wrapText(`a pod, IP${NO_BREAK_SPACE}10.0.0.1`, 12)).toEqual(['a pod,', 'IP 10.0.0.1']);
  });

  it('gives no lines for empty text', () => {
    expect(wrapText('', 10)).toEqual([]);
  });

  it('fits every line and loses no text at any width from minWrapWidth up', () => {
    const word = fc.constantFrom('a', 'kube-proxy', 'ノード', '👩‍💻', 'averyveryveryverylongword', 'Café');
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 30 }),
        (words, extra) => {
          const text = words.join(' ');
          const width = minWrapWidth(text) + extra;
          const lines = wrapText(text, width);
          for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
          expect(lines.join('').replaceAll(' ', '')).toBe(text.replaceAll(' ', ''));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('minWrapWidth', () => {
  it('is the widest word up to the unbroken-word limit', () => {
    expect(minWrapWidth('a kube-proxy b')).toBe(10);
    expect(minWrapWidth('averyveryveryverylongword')).toBe(UNBROKEN_WORD_COLUMNS);
    expect(minWrapWidth('ノ')).toBe(2);
  });
});

describe('wrapHanging', () => {
  it('indents continuation lines and uses the full width for the first', () => {
    expect(wrapHanging('control plane: etcd, kube-apiserver, kube-scheduler', 24, 2)).toEqual([
      'control plane: etcd,',
      '  kube-apiserver,',
      '  kube-scheduler',
    ]);
  });
});
