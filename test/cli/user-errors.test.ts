// Every mistake a user can make outside the topology itself is one sentence on stderr, exit 2,
// nothing on stdout and never a stack trace or an "internal error" (outputs.md §1, rules.md C).

import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, workspace } from './cli.js';

/** The first bytes of a PNG image: NUL bytes and control characters. */
const PNG = Buffer.from(
  `89504e470d0a1a0a0000000d4948445200000010000000100806000000${'1ff3ff610000000173524742'.repeat(40)}`,
  'hex',
);

type Setup = (dir: string) => void;

const cases: [string, Setup, string[], string][] = [
  ['a missing file', () => undefined, ['check', 'nope.topo'], 'Cannot find the .topo file "nope.topo".'],
  [
    'an empty directory',
    (dir) => mkdirSync(join(dir, 'd')),
    ['check', 'd'],
    'The directory "d" holds no .topo file or Kubernetes manifest.',
  ],
  [
    'a file that cannot be read (a symbolic link to itself)',
    (dir) => symlinkSync('loop.topo', join(dir, 'loop.topo')),
    ['check', 'loop.topo'],
    'Cannot read the .topo file "loop.topo": too many symbolic links.',
  ],
  [
    'a binary file',
    (dir) => writeFileSync(join(dir, 'image.topo'), PNG),
    ['check', 'image.topo'],
    'Cannot read image.topo: it looks like a binary file, not UTF-8 text.',
  ],
  [
    'an unknown flag, with the closest one',
    () => undefined,
    ['check', '--formt', 'json', 'clean.topo'],
    'topodoc check: unknown option --formt (did you mean --format?). Run `topodoc check --help`.',
  ],
  [
    'a flag without its value',
    () => undefined,
    ['check', 'clean.topo', '--max-warnings'],
    'topodoc check: --max-warnings needs a value. Run `topodoc check --help`.',
  ],
  [
    'a value given to a switch',
    () => undefined,
    ['build', '--check=yes', 'clean.topo'],
    'topodoc build: --check takes no value. Run `topodoc build --help`.',
  ],
  [
    'an argument to a command that takes none',
    () => undefined,
    ['init', 'extra'],
    'topodoc init: unexpected argument "extra". Run `topodoc init --help`.',
  ],
  [
    'a bad --format',
    () => undefined,
    ['check', '-f', 'xml', 'clean.topo'],
    'Unknown format "xml"; use one of stylish, unix, json, sarif, github.',
  ],
  [
    'a bad --rule id',
    () => undefined,
    ['check', '--rule', 'foo=warn', 'clean.topo'],
    '--rule: unknown rule "foo".',
  ],
  [
    'a bad --rule severity',
    () => undefined,
    ['check', '--rule', 'pod-empty=loud', 'clean.topo'],
    '--rule pod-empty: severity must be off, warn or error, got "loud".',
  ],
  [
    'a config of the wrong type',
    (dir) => writeFileSync(join(dir, 'topodoc.config.json'), '[]'),
    ['check', 'clean.topo'],
    'Invalid config in topodoc.config.json: the config must be an object.',
  ],
  [
    'a config that is not JSON (V8 quotes several lines of it)',
    (dir) =>
      writeFileSync(join(dir, 'topodoc.config.json'), '{\n  "rules": {\n    "pod-empty": tru\n  }\n}\n'),
    ['check', 'clean.topo'],
    'Cannot parse topodoc.config.json as JSON: unexpected character "\\n" at line 3, column 21.',
  ],
  [
    'a config cut short',
    (dir) => writeFileSync(join(dir, 'topodoc.config.json'), '{ "rules": '),
    ['check', 'clean.topo'],
    'Cannot parse topodoc.config.json as JSON: the text ends before the JSON is complete (at line 1, column 12).',
  ],
  [
    'build -o onto a file',
    (dir) => writeFileSync(join(dir, 'taken'), 'x'),
    ['build', '--svg', 'off', '-o', 'taken', 'clean.topo'],
    'Cannot write the outputs to taken: it is a file, not a directory.',
  ],
  [
    'build -o below a file',
    (dir) => writeFileSync(join(dir, 'taken'), 'x'),
    ['build', '--svg', 'off', '-o', 'taken/out', 'clean.topo'],
    'Cannot write the outputs to taken/out: a part of the path is a file, not a directory.',
  ],
  [
    'build --check -o onto a file',
    (dir) => writeFileSync(join(dir, 'taken'), 'x'),
    ['build', '--check', '--svg', 'off', '-o', 'taken', 'clean.topo'],
    'Cannot write the outputs to taken: it is a file, not a directory.',
  ],
  [
    'check -o below a file',
    (dir) => writeFileSync(join(dir, 'taken'), 'x'),
    ['check', '-f', 'json', '-o', 'taken/report.json', 'clean.topo'],
    'Cannot write the json report to taken/report.json: a part of the path is a file, not a directory.',
  ],
  [
    'render with a bad --target',
    () => undefined,
    ['render', 'clean.topo', '--target', 'pdf'],
    '--target expects ascii, mermaid or markdown, got "pdf".',
  ],
  [
    'embed of a Markdown file that cannot be read',
    (dir) => symlinkSync('loop.md', join(dir, 'loop.md')),
    ['embed', 'loop.md'],
    'Cannot read the Markdown file "loop.md": too many symbolic links.',
  ],
];

describe('user mistakes', () => {
  it.each(cases)('%s: one sentence, exit 2', async (_name, setup, argv, message) => {
    const dir = workspace();
    setup(dir);
    const result = await cli(dir, argv);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `${message}\n` });
  });
});

describe('input that is readable but odd', () => {
  it.skipIf(process.getuid?.() === 0)(
    'a file without read permission: one sentence, exit 2 (skipped when run as root, who can read any file)',
    async () => {
      const dir = workspace();
      chmodSync(join(dir, 'clean.topo'), 0o000);
      expect(await cli(dir, ['check', 'clean.topo'])).toEqual({
        code: 2,
        stdout: '',
        stderr: 'Cannot read clean.topo: permission denied.\n',
      });
    },
  );

  it('invalid UTF-8 is a syntax finding at the bad byte, exit 1', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'latin1.topo'), Buffer.from('machine m {\n  note "caf\xe9"\n}\n', 'latin1'));
    expect(await cli(dir, ['check', '-f', 'unix', 'latin1.topo'])).toEqual({
      code: 1,
      stdout:
        'latin1.topo:2:12: error: invalid UTF-8 byte sequence; the file must be UTF-8 encoded [syntax]\n',
      stderr: '',
    });
  });

  it('-o into a directory that does not exist yet creates it', async () => {
    const dir = workspace();
    const result = await cli(dir, ['check', '-f', 'json', '-o', 'reports/new/check.json', 'clean.topo']);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(JSON.parse(readFileSync(join(dir, 'reports/new/check.json'), 'utf8'))).toHaveLength(1);
  });
});
