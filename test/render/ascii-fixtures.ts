// The render fixtures (test/fixtures/render/<case>/input.topo) loaded into models; a fixture
// that does not load cleanly fails the tests that use it.

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTopologyFromText } from '../../src/model/index.js';
import type { Topology } from '../../src/model/types.js';

export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/render/', import.meta.url));

export interface RenderFixture {
  name: string;
  dir: string;
  model: Topology;
}

export async function loadFixtures(): Promise<RenderFixture[]> {
  const names = (await readdir(FIXTURES_DIR, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const dir = join(FIXTURES_DIR, name);
      const text = await readFile(join(dir, 'input.topo'), 'utf8');
      const result = await loadTopologyFromText(text, `test/fixtures/render/${name}/input.topo`);
      const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
      if (errors.length > 0) throw new Error(`${name}: ${errors.map((error) => error.message).join('; ')}`);
      return { name, dir, model: result.model };
    }),
  );
}
