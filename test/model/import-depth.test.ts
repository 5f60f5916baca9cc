// An import chain thousands of files deep is cut at MAX_IMPORT_DEPTH with an import-error instead
// of overflowing the stack.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTopology } from '../../src/model/index.js';
import { MAX_IMPORT_DEPTH } from '../../src/model/load.js';

describe('import depth', () => {
  it('reports the import that goes past the limit, once, and loads the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'topodoc-import-depth-'));
    writeFileSync(join(dir, 'package.json'), '{"name": "depth", "private": true}\n');
    const files = 3000;
    for (let i = 0; i < files; i++) {
      const next = i + 1 < files ? `import "f${i + 1}.topo"\n` : '';
      writeFileSync(join(dir, `f${i}.topo`), `${next}machine m${i} { process sshd }\n`);
    }
    const result = await loadTopology(join(dir, 'f0.topo'), { cwd: dir });
    const errors = result.diagnostics.filter((d) => d.ruleId === 'import-error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toBe(
      `cannot import "f${MAX_IMPORT_DEPTH + 1}.topo": imports nest more than ${MAX_IMPORT_DEPTH} files deep; this import is ignored`,
    );
    expect(errors[0]?.file).toBe(`f${MAX_IMPORT_DEPTH}.topo`);
    expect(result.model.files).toHaveLength(MAX_IMPORT_DEPTH + 1);
  });
});
