// An unexpected exception becomes one line `topodoc: internal error: …` (exit 2); the stack only
// with TOPODOC_DEBUG.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { cli, workspace } from './cli.js';

vi.mock('../../src/pipeline/analyze.js', () => ({
  analyzeFile: async () => {
    throw new TypeError('boom\nsecond line');
  },
  analyzeText: async () => {
    throw new TypeError('boom');
  },
}));

describe('internal errors', () => {
  const dir = workspace();
  writeFileSync(join(dir, 'a.topo'), 'machine m {}\n');

  it('prints one line and exits 2', async () => {
    expect(await cli(dir, ['check', 'a.topo'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'topodoc: internal error: boom\n',
    });
  });

  it('adds the stack when TOPODOC_DEBUG is set', async () => {
    const { code, stderr } = await cli(dir, ['check', 'a.topo'], { env: { TOPODOC_DEBUG: '1' } });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^topodoc: internal error: boom\nTypeError: boom\nsecond line\n {4}at /);
  });
});
