// The limits of the human formats (at most 100 findings of one rule per file, 200 characters of
// a source line) and GitHub's annotation limits and escaping.

import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { escapeData, escapeProperty } from '../../src/report/github.js';
import { formatReport } from '../../src/report/index.js';
import { finding, sampleInput } from './sample.js';

const MANY = Array.from({ length: 130 }, (_, i) => `process p${i}`).join('\n');

/** `count` findings of `ruleId` on the first lines of MANY, in file `file`. */
function many(
  file: string,
  ruleId: string,
  count: number,
  severity: 'error' | 'warning' = 'warning',
): Diagnostic[] {
  return Array.from({ length: count }, (_, i) =>
    finding(file, MANY, i + 1, `p${i}`, severity, ruleId, `Finding ${i}`),
  );
}

function input(
  diagnostics: Diagnostic[],
  sources: Record<string, string> = { 'a.topo': MANY, 'b.topo': MANY },
) {
  return sampleInput({ diagnostics, sources: new Map(Object.entries(sources)), files: Object.keys(sources) });
}

describe('per-rule cap of stylish and unix', () => {
  // 105 of rule x and 3 of rule y in a.topo, 101 of rule x in b.topo.
  const diagnostics = [
    ...many('a.topo', 'x', 105),
    ...many('a.topo', 'y', 3),
    ...many('b.topo', 'x', 101),
  ].sort((a, b) =>
    a.file < b.file
      ? -1
      : a.file > b.file
        ? 1
        : a.range.start.line - b.range.start.line || (a.ruleId < b.ruleId ? -1 : 1),
  );

  it('unix shows 100 of a rule per file, then how many were left out', () => {
    const lines = formatReport('unix', input(diagnostics)).trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('a.topo:') && l.endsWith('[x]'))).toHaveLength(100);
    expect(lines.filter((l) => l.endsWith('[y]'))).toHaveLength(3);
    expect(lines.filter((l) => l.startsWith('b.topo:') && l.endsWith('[x]'))).toHaveLength(100);
    expect(lines).toContain('a.topo: … 5 more x findings not shown');
    expect(lines).toContain('b.topo: … 1 more x finding not shown');
  });

  it('stylish shows 100 of a rule per file and counts everything in the summary', () => {
    const text = formatReport('stylish', input(diagnostics));
    expect(text.match(/ {2}x\n/g)).toHaveLength(200);
    expect(text).toContain('  … 5 more x findings in this file not shown');
    expect(text).toContain('  … 1 more x finding in this file not shown');
    expect(text.trimEnd().split('\n').at(-1)).toBe('✖ 209 problems (0 errors, 209 warnings)');
  });

  it('json and sarif list everything', () => {
    const json = JSON.parse(formatReport('json', input(diagnostics))) as { messages: unknown[] }[];
    expect(json.reduce((sum, file) => sum + file.messages.length, 0)).toBe(209);
    const sarif = JSON.parse(formatReport('sarif', input(diagnostics))) as { runs: { results: unknown[] }[] };
    expect(sarif.runs[0]?.results).toHaveLength(209);
  });
});

describe('code frame of a long line', () => {
  const long = `pod p { ${'x'.repeat(300)} target ${'y'.repeat(300)} }`;
  const d = finding('long.topo', long, 1, 'target', 'error', 'r', 'Long line');

  it('shows at most 200 characters, ellipses on the cut sides, the caret under the range', () => {
    const lines = formatReport('stylish', input([d], { 'long.topo': long })).split('\n');
    const code = lines.find((l) => l.startsWith('    1 | ')) ?? '';
    const caret = lines.find((l) => l.startsWith('      | ')) ?? '';
    const shown = code.slice('    1 | '.length);
    expect(shown.length).toBe(200);
    expect(shown.startsWith('…')).toBe(true);
    expect(shown.endsWith('…')).toBe(true);
    expect(code.slice(caret.indexOf('^'), caret.indexOf('^') + 6)).toBe('target');
    expect(caret.slice(caret.indexOf('^'))).toBe('^^^^^^');
  });

  it('shortens a message quoting a huge name, and caps its length, in every human format', () => {
    const source = 'pod p { note "x" }';
    const huge = finding(
      'a.topo',
      source,
      1,
      'note',
      'warning',
      'r',
      `Image ${'x'.repeat(100_000)} is unpinned`,
    );
    huge.hint = `Pin it: ${'word '.repeat(1000)}`;
    huge.related = [{ file: 'a.topo', range: huge.range, message: `first ${'y'.repeat(5000)}` }];
    for (const format of ['stylish', 'unix', 'github'] as const) {
      const text = formatReport(format, input([huge], { 'a.topo': source }));
      expect(text, format).toContain(`Image ${'x'.repeat(99)}… is unpinned`);
      // A GitHub annotation is one line holding the message and the hint.
      const limit = format === 'github' ? 2200 : 1100;
      expect(Math.max(...text.split('\n').map((line) => line.length)), format).toBeLessThan(limit);
    }
    const stylish = formatReport('stylish', input([huge], { 'a.topo': source }));
    expect(stylish).toContain(`related: first ${'y'.repeat(99)}… (a.topo:1:9)`);
    expect(stylish).toMatch(/hint: Pin it: (word ){198}w…\n/);
  });

  it('replaces terminal control characters in source lines and messages', () => {
    const evil = 'pod p { note "\u001B[31mred\u202Ebidi" }';
    const e = finding('evil.topo', evil, 1, 'note', 'warning', 'r', 'Message with \u001B]8;;x\u0007 escape');
    for (const format of ['stylish', 'unix', 'github'] as const) {
      const text = formatReport(format, input([e], { 'evil.topo': evil }));
      for (const control of ['\u001B', '\u0007', '\u202E']) expect(text).not.toContain(control);
    }
  });
});

describe('github annotations', () => {
  const errors = many('a.topo', 'e', 12, 'error');
  const warnings = many('b.topo', 'w', 11, 'warning');
  const lines = formatReport('github', input([...errors, ...warnings]))
    .trimEnd()
    .split('\n');

  it('annotates errors first, then warnings, at most 10 of each', () => {
    const annotations = lines.filter((l) => l.startsWith('::error ') || l.startsWith('::warning '));
    expect(annotations).toHaveLength(20);
    expect(annotations.slice(0, 10).every((l) => l.startsWith('::error '))).toBe(true);
    expect(annotations.slice(10).every((l) => l.startsWith('::warning '))).toBe(true);
    expect(annotations[0]).toBe('::error file=a.topo,line=1,col=9,endLine=1,endColumn=11,title=e::Finding 0');
  });

  it('prints the findings it could not annotate as plain lines and ends with a notice', () => {
    expect(lines.slice(20, 23)).toEqual([
      'topodoc: a.topo:11:9: error: Finding 10 [e]',
      'topodoc: a.topo:12:9: error: Finding 11 [e]',
      'topodoc: b.topo:11:9: warning: Finding 10 [w]',
    ]);
    expect(lines.at(-1)).toMatch(
      /^::notice::topodoc: 3 findings not annotated \(GitHub shows at most 10 errors/,
    );
    expect(lines).toHaveLength(24);
  });

  it('starts no line with :: but its own annotations, whatever the file names', () => {
    const hostile = many('::stop-commands::x.topo', 'e', 12, 'error');
    const printed = formatReport('github', input(hostile)).trimEnd().split('\n');
    const commands = printed.filter((line) => line.startsWith('::'));
    expect(commands).toHaveLength(11);
    for (const line of commands)
      expect(line).toMatch(/^::(error file=%3A%3Astop-commands%3A%3Ax\.topo,|notice::)/);
  });

  it('escapes messages and properties like actions/toolkit', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeProperty('dir:1/a,b%.topo')).toBe('dir%3A1/a%2Cb%25.topo');
    const odd = { ...finding('a.topo', MANY, 1, 'p0', 'error', 'e', '50% of a, b: c'), file: 'x,y:z.topo' };
    expect(formatReport('github', input([odd]))).toBe(
      '::error file=x%2Cy%3Az.topo,line=1,col=9,endLine=1,endColumn=11,title=e::50%25 of a, b: c\n',
    );
  });
});
