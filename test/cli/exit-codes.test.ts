// `topodoc check` exits the same way in every format (rules.md C): 0 clean or warnings within
// --max-warnings, 1 errors or too many warnings, 2 bad usage; findings sorted file, line, column, rule.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES } from '../../src/report/index.js';
import { cli, workspace } from './cli.js';

const CASES: [string, string[], number][] = [
  ['a clean file', ['clean.topo'], 0],
  ['an empty file', ['empty.topo'], 0],
  ['a file holding only comments', ['comments.topo'], 0],
  ['warnings only', ['warnings.topo'], 0],
  ['warnings within --max-warnings', ['--max-warnings', '2', 'warnings.topo'], 0],
  ['more warnings than --max-warnings', ['--max-warnings', '0', 'warnings.topo'], 1],
  ['rule errors', ['errors.topo'], 1],
  ['syntax errors', ['broken.topo'], 1],
  ['errors in one file of several', ['clean.topo', 'errors.topo'], 1],
  [
    'rule errors turned off',
    [
      '--rule',
      'pod-port-conflict=off',
      '--rule',
      'pod-ip-duplicate=off',
      '--rule',
      'localhost-cross-pod=off',
      'errors.topo',
    ],
    0,
  ],
  ['a missing file', ['clean.topo', 'missing.topo'], 2],
];

describe('topodoc check: exit codes', () => {
  const dir = workspace();
  writeFileSync(join(dir, 'empty.topo'), '');
  writeFileSync(join(dir, 'comments.topo'), '# nothing yet\r\n// still nothing\r\n');

  it.each(CASES)(
    '%s: the same exit code in every format, to stdout and to a file',
    async (_name, args, code) => {
      for (const format of FORMAT_NAMES) {
        expect((await cli(dir, ['check', '-f', format, ...args])).code, format).toBe(code);
        expect(
          (await cli(dir, ['check', '-f', format, '-o', `report.${format}`, ...args])).code,
          format,
        ).toBe(code);
      }
    },
  );

  it('says why on stderr when the warnings alone fail the run, in every format', async () => {
    for (const format of FORMAT_NAMES) {
      const { stderr } = await cli(dir, ['check', '-f', format, '--max-warnings', '0', 'warnings.topo']);
      expect(stderr, format).toMatch(/^topodoc: too many warnings \(\d+; --max-warnings is 0\)\.\n$/);
    }
  });
});

describe('topodoc check: order', () => {
  const dir = workspace();

  it('sorts findings of several files by file, line, column and rule, whatever the argument order', async () => {
    const forward = await cli(dir, ['check', '-f', 'unix', 'warnings.topo', 'errors.topo']);
    const backward = await cli(dir, ['check', '-f', 'unix', 'errors.topo', 'warnings.topo']);
    expect(backward.stdout).toBe(forward.stdout);
    const keys = forward.stdout
      .trimEnd()
      .split('\n')
      .map((line) => {
        const match = /^([^:]+):(\d+):(\d+): \w+: .* \[([a-z-]+)\]$/.exec(line);
        if (match === null) throw new Error(`not a unix line: ${line}`);
        return {
          file: match[1] ?? '',
          line: Number(match[2]),
          column: Number(match[3]),
          rule: match[4] ?? '',
        };
      });
    expect(new Set(keys.map((key) => key.file))).toEqual(new Set(['errors.topo', 'warnings.topo']));
    const sorted = [...keys].sort(
      (a, b) =>
        (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
        a.line - b.line ||
        a.column - b.column ||
        (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
    );
    expect(keys).toEqual(sorted);
  });
});
