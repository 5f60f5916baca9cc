// One rule for unreadable input in every command: a binary file or a document that is not UTF-8
// is exit 2 with one sentence; `check -` reads standard input like `render -` and `fmt -`.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { fakeIo } from '../helpers/io.js';

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'topodoc-exit-'));
  writeFileSync(join(dir, 'package.json'), '{"name": "exit", "private": true}\n');
  writeFileSync(join(dir, 'binary.topo'), Buffer.from([0, 1, 2, 0x62, 0x69, 0x6e]));
  return dir;
}

async function topodoc(cwd: string, args: string[], stdin = '') {
  const fake = fakeIo({ cwd, stdin });
  const code = await run(args, fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

describe('unreadable input', () => {
  it.each([['check'], ['render'], ['build'], ['fmt']])(
    '%s of a binary file exits 2 with one sentence',
    async (command) => {
      const result = await topodoc(project(), [command, 'binary.topo']);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe('Cannot read binary.topo: it looks like a binary file, not UTF-8 text.\n');
    },
  );
});

describe('check -', () => {
  it('checks the topology on standard input and names it <stdin>', async () => {
    const clean = await topodoc(
      project(),
      ['check', '-', '--rule', 'control-plane-incomplete=off'],
      'machine m {\n  process kubelet\n  process containerd\n  process kube-proxy\n}\n',
    );
    expect(clean).toEqual({ code: 0, stdout: '', stderr: '' });
    const broken = await topodoc(project(), ['check', '-', '--format', 'unix'], 'machine m {\n');
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/^<stdin>:\d+:\d+: /m);
  });

  it('reads standard input alone', async () => {
    const result = await topodoc(project(), ['check', '-', 'binary.topo']);
    expect(result).toMatchObject({
      code: 2,
      stderr: 'topodoc check reads stdin (-) alone, not with files.\n',
    });
  });
});
