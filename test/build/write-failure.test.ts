// A build whose writes fail (a full disk) stops with one sentence and exit 2, and leaves the
// previous outputs byte for byte, with no temporary files (outputs.md §6).

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fakeIo } from '../helpers/io.js';
import { project, SMALL_NODE } from './helpers.js';

/** When set, writeFile writes half of the content and then fails like a full disk. */
const failure = vi.hoisted(() => ({ active: false }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const { fullDisk } = await import('../helpers/full-disk.js');
  return fullDisk(await importOriginal<typeof import('node:fs/promises')>(), failure);
});

const { run } = await import('../../src/cli/main.js');

async function build(cwd: string) {
  const fake = fakeIo({ cwd, env: { PATH: '' } });
  const code = await run(['build', '--svg', 'off', 'a.topo'], fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

function snapshot(directory: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(directory).map((name) => [name, readFileSync(join(directory, name), 'utf8')]),
  );
}

describe('topodoc build when writing fails', () => {
  it('says which file could not be written, exits 2 and keeps the previous outputs', async () => {
    const cwd = project({ 'a.topo': SMALL_NODE });
    expect((await build(cwd)).code).toBe(0);
    const before = snapshot(join(cwd, 'out'));
    writeFileSync(join(cwd, 'a.topo'), SMALL_NODE.replace('title "Small"', 'title "Changed"'));
    failure.active = true;
    let result: Awaited<ReturnType<typeof build>>;
    try {
      result = await build(cwd);
    } finally {
      failure.active = false;
    }
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'Cannot write out/a.md: no space left on the device.\n',
    });
    expect(snapshot(join(cwd, 'out'))).toEqual(before);
  });
});
