// A FIFO where an output should be is refused in one sentence (exit 2) instead of blocking the
// build on reading it to compare.

import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { fakeIo } from '../helpers/io.js';
import { project, SMALL_NODE } from './helpers.js';

describe.skipIf(process.platform === 'win32')('an output that is a FIFO', () => {
  it('is refused, not read', async () => {
    const dir = project({ 'a.topo': SMALL_NODE });
    mkdirSync(join(dir, 'out'));
    execFileSync('mkfifo', [join(dir, 'out/a.mmd')]);
    const fake = fakeIo({ cwd: dir, env: { PATH: '' } });
    const code = await run(['build', '--svg', 'off', '--no-cache', 'a.topo'], fake.io);
    expect(code).toBe(2);
    expect(fake.stderr()).toContain(
      'Cannot read out/a.mmd: it is not a regular file (a pipe, device or socket).',
    );
  }, 10_000);
});
