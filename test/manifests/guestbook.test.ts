// The gallery's guestbook (examples/guestbook.topo) is what `topodoc import` makes of the
// kubernetes/examples guestbook manifests today; rebuild it with
// `topodoc import test/fixtures/manifests/guestbook -o examples/guestbook.topo`.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliIn } from './helpers.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('examples/guestbook.topo', () => {
  it('is the current import of test/fixtures/manifests/guestbook', async () => {
    const result = await cliIn(ROOT, ['import', 'test/fixtures/manifests/guestbook']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(readFileSync(path.join(ROOT, 'examples/guestbook.topo'), 'utf8'));
  });

  it('checks clean as manifests and as the imported topology', async () => {
    for (const input of ['test/fixtures/manifests/guestbook', 'examples/guestbook.topo']) {
      const result = await cliIn(ROOT, ['check', input, '--format', 'unix']);
      expect([input, result.code, result.stdout]).toEqual([input, 0, '']);
    }
  });
});
