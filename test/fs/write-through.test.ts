// fmt and embed write through to the file the user means: a symlink stays a symlink and its target
// is rewritten, the mode and (as root) the owner are kept, hard links keep sharing one file, and a
// temporary file left by a killed run is never read as a source.

import {
  chownSync,
  linkSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { fakeIo } from '../helpers/io.js';

const UNFORMATTED = 'machine   m {\n process kubelet;process containerd\n}\n';
const FORMATTED = 'machine m {\n  process kubelet\n  process containerd\n}\n';

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'topodoc-write-through-'));
  writeFileSync(join(dir, 'package.json'), '{"name": "write-through", "private": true}\n');
  return dir;
}

async function topodoc(dir: string, ...args: string[]) {
  const fake = fakeIo({ cwd: dir });
  const code = await run(args, fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

describe('fmt writes through', () => {
  it('formats the target of a symlink and leaves the link a link', async () => {
    const dir = project();
    writeFileSync(join(dir, 'real.topo'), UNFORMATTED);
    symlinkSync('real.topo', join(dir, 'link.topo'));
    expect((await topodoc(dir, 'fmt', 'link.topo')).code).toBe(0);
    expect(lstatSync(join(dir, 'link.topo')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.topo'), 'utf8')).toBe(FORMATTED);
  });

  it('keeps the mode of the file', async () => {
    const dir = project();
    writeFileSync(join(dir, 'private.topo'), UNFORMATTED, { mode: 0o600 });
    expect((await topodoc(dir, 'fmt', 'private.topo')).code).toBe(0);
    expect(statSync(join(dir, 'private.topo')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'private.topo'), 'utf8')).toBe(FORMATTED);
  });

  it('keeps hard links sharing one file', async () => {
    const dir = project();
    writeFileSync(join(dir, 'a.topo'), UNFORMATTED);
    linkSync(join(dir, 'a.topo'), join(dir, 'b.topo'));
    expect((await topodoc(dir, 'fmt', 'a.topo')).code).toBe(0);
    expect(readFileSync(join(dir, 'b.topo'), 'utf8')).toBe(FORMATTED);
    expect(statSync(join(dir, 'a.topo')).ino).toBe(statSync(join(dir, 'b.topo')).ino);
  });

  it.skipIf(process.getuid?.() !== 0)(
    'keeps the owner of a file it rewrites as root (skipped when not root)',
    async () => {
      const dir = project();
      writeFileSync(join(dir, 'theirs.topo'), UNFORMATTED);
      chownSync(join(dir, 'theirs.topo'), 4321, 4321);
      expect((await topodoc(dir, 'fmt', 'theirs.topo')).code).toBe(0);
      expect(statSync(join(dir, 'theirs.topo'))).toMatchObject({ uid: 4321, gid: 4321 });
    },
  );

  it('never reads a temporary file left by a killed run as a source', async () => {
    const dir = project();
    writeFileSync(join(dir, 'a.topo'), FORMATTED);
    writeFileSync(join(dir, '.a.topo.999.0123456789ab.tmp'), 'half a fil');
    expect(await topodoc(dir, 'fmt', '--check', '.')).toMatchObject({ code: 0 });
    const checked = await topodoc(dir, 'check', 'a.topo', '--rule', 'control-plane-incomplete=off');
    expect(checked.stdout + checked.stderr).not.toContain('.tmp');
  });
});

describe('embed writes through', () => {
  it('refreshes the target of a symlinked document and keeps its mode', async () => {
    const dir = project();
    writeFileSync(
      join(dir, 'node.topo'),
      `# topodoc-disable control-plane-incomplete -- one worker\n${FORMATTED}`,
    );
    writeFileSync(
      join(dir, 'real.md'),
      '# Doc\n\n<!-- topodoc:begin src=node.topo view=tree -->\n<!-- topodoc:end -->\n',
      { mode: 0o640 },
    );
    symlinkSync('real.md', join(dir, 'doc.md'));
    expect((await topodoc(dir, 'embed', 'doc.md')).code).toBe(0);
    expect(lstatSync(join(dir, 'doc.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.md'), 'utf8')).toContain('kubelet');
    expect(statSync(join(dir, 'real.md')).mode & 0o777).toBe(0o640);
  });
});
