// Finding fragments parses a file only when a directory or glob made candidates of other files: a
// file named alone is parsed once, by its analysis, however big it is.

import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { withoutFragments } from '../../src/cli/fragments.js';
import { parse } from '../../src/parser/index.js';
import { project } from '../build/helpers.js';

vi.mock('../../src/parser/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/parser/index.js')>();
  return { ...real, parse: vi.fn(real.parse) };
});

const FILES = {
  'app.topo': 'import "shared/db.topo"\n',
  'shared/db.topo': 'machine db {\n  process postgres\n}\n',
};

describe('withoutFragments', () => {
  beforeEach(() => {
    vi.mocked(parse).mockClear();
  });

  it('parses nothing when only files named one by one are read', async () => {
    const cwd = project(FILES);
    expect(await withoutFragments([], [join(cwd, 'app.topo'), join(cwd, 'shared/db.topo')])).toEqual([]);
    expect(parse).not.toHaveBeenCalled();
  });

  it('parses every file read to drop the candidates another one imports', async () => {
    const cwd = project(FILES);
    const db = join(cwd, 'shared/db.topo');
    const app = join(cwd, 'app.topo');
    expect(await withoutFragments([db, app])).toEqual([app]);
    expect(parse).toHaveBeenCalledTimes(2);
  });
});
