// writeFileAtomic (outputs.md §6): a write that fails half-way leaves the previous file byte for
// byte and no temporary file behind; a write that succeeds replaces the file whole.

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

/** When set, writeFile writes the first half of the content and then fails like a full disk. */
const failure = vi.hoisted(() => ({ active: false }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const { fullDisk } = await import('../helpers/full-disk.js');
  return fullDisk(await importOriginal<typeof import('node:fs/promises')>(), failure);
});

const { writeFileAtomic } = await import('../../src/fs/atomic.js');

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'topodoc-atomic-'));
  made.push(dir);
  return dir;
}

describe('writeFileAtomic', () => {
  it('replaces the file whole and leaves no temporary file', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'x.md'), 'old\n');
    await writeFileAtomic(join(dir, 'x.md'), 'new\n');
    expect(readFileSync(join(dir, 'x.md'), 'utf8')).toBe('new\n');
    expect(readdirSync(dir)).toEqual(['x.md']);
  });

  it('keeps the previous file when the write fails half-way, and cleans up', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'x.md'), 'the previous document\n');
    failure.active = true;
    try {
      await expect(
        writeFileAtomic(join(dir, 'x.md'), 'a much longer new document\n'.repeat(100)),
      ).rejects.toThrow('ENOSPC');
    } finally {
      failure.active = false;
    }
    expect(readFileSync(join(dir, 'x.md'), 'utf8')).toBe('the previous document\n');
    expect(readdirSync(dir)).toEqual(['x.md']);
  });
});
