// Every output format on one hand-built input with errors and warnings: goldens, determinism,
// and the properties each format promises (rules.md C).

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sortDiagnostics } from '../../src/diagnostics.js';
import { EMPTY_WHEN_CLEAN } from '../../src/report/formats.js';
import { FORMAT_NAMES, formatReport, isFormatName } from '../../src/report/index.js';
import { expectGolden } from '../helpers/golden.js';
import { SAMPLE_DIAGNOSTICS, sampleInput } from './sample.js';

const GOLDEN = join(import.meta.dirname, '../fixtures/report/sample');

describe('report formats on the sample input', () => {
  it('uses a sorted sample', () => {
    expect(SAMPLE_DIAGNOSTICS).toEqual(sortDiagnostics(SAMPLE_DIAGNOSTICS));
  });

  it.each(['stylish', 'unix', 'json', 'github', 'sarif'] as const)(
    '%s matches its golden',
    async (format) => {
      const text = formatReport(format, sampleInput());
      const extension = format === 'json' || format === 'sarif' ? 'json' : 'txt';
      expectGolden(text, `${GOLDEN}/${format}.expected.${extension}`);
    },
  );

  it('stylish in colour matches its golden and strips to the plain text', async () => {
    const coloured = formatReport('stylish', sampleInput({ color: true }));
    expectGolden(coloured, `${GOLDEN}/stylish-color.expected.txt`);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing ANSI escapes
    expect(coloured.replace(/\u001B\[\d+m/g, '')).toBe(formatReport('stylish', sampleInput()));
  });

  it('is deterministic and never colours unless asked', () => {
    for (const format of FORMAT_NAMES) {
      const first = formatReport(format, sampleInput());
      expect(formatReport(format, sampleInput())).toBe(first);
      expect(first).not.toContain('\u001B');
      expect(first.endsWith('\n')).toBe(true);
      expect(first).not.toContain('\r');
    }
  });

  it('prints nothing for stylish, unix and github when there are no findings: the formats EMPTY_WHEN_CLEAN names', () => {
    expect([...EMPTY_WHEN_CLEAN]).toEqual(['stylish', 'unix', 'github']);
    // `check` writes '' for these without loading the formatters: the set must be exact.
    for (const format of FORMAT_NAMES) {
      const text = formatReport(format, sampleInput({ diagnostics: [] }));
      expect(text === '', format).toBe(EMPTY_WHEN_CLEAN.has(format));
    }
  });

  it('names only the five formats', () => {
    expect(FORMAT_NAMES).toEqual(['stylish', 'unix', 'json', 'sarif', 'github']);
    expect(isFormatName('toString')).toBe(false);
    expect(isFormatName('sarif')).toBe(true);
  });
});

describe('stylish', () => {
  const text = formatReport('stylish', sampleInput());

  it('puts a caret under the whole range, counting CJK and emoji by display width', () => {
    const lines = text.split('\n');
    const frame = lines.findIndex((l) => l.includes('15 |'));
    expect(lines[frame]).toBe(
      '    15 |     container redis { image "redis:7.2"; connect localhost:8080 "健康 🚑 check" }',
    );
    const caretLine = lines[frame + 1] ?? '';
    const codeStart = lines[frame]?.indexOf('container') ?? -1;
    expect(caretLine.indexOf('^')).toBe(codeStart + 'container redis { image "redis:7.2"; '.length);
    // `connect localhost:8080 "` (24) + 健康 (4) + space + 🚑 (2) + ` check"` (7)
    expect(caretLine.slice(caretLine.indexOf('^'))).toBe('^'.repeat(24 + 4 + 1 + 2 + 7));
  });

  it('summarises every finding', () => {
    expect(text.trimEnd().split('\n').at(-1)).toBe('✖ 6 problems (4 errors, 2 warnings)');
  });

  it('uses singular words for one finding', () => {
    const one = formatReport('stylish', sampleInput({ diagnostics: SAMPLE_DIAGNOSTICS.slice(1, 2) }));
    expect(one.trimEnd().split('\n').at(-1)).toBe('✖ 1 problem (0 errors, 1 warning)');
  });
});

describe('json', () => {
  const results = JSON.parse(formatReport('json', sampleInput())) as {
    filePath: string;
    errorCount: number;
    warningCount: number;
    fatalErrorCount: number;
    messages: { ruleId: string; severity: number; line: number; column: number; endColumn: number }[];
  }[];

  it('lists every checked file, clean ones too, with ESLint counts', () => {
    expect(results.map((r) => r.filePath)).toEqual(['broken.topo', 'clean.topo', 'web.topo']);
    expect(results.map((r) => [r.errorCount, r.warningCount, r.fatalErrorCount])).toEqual([
      [1, 0, 1],
      [0, 0, 0],
      [3, 2, 0],
    ]);
  });

  it('gives ESLint severities and exclusive end columns', () => {
    const conflict = results[2]?.messages.find((m) => m.ruleId === 'pod-port-conflict');
    expect(conflict).toMatchObject({ severity: 2, line: 10, column: 52, endColumn: 63 });
    expect(results[2]?.messages.find((m) => m.ruleId === 'image-unpinned')?.severity).toBe(1);
  });
});
