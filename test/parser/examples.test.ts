// Every shipped example parses without a syntax error.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnosticLine } from '../../src/diagnostics.js';
import { parse } from '../../src/parser/index.js';

const examples = join(import.meta.dirname, '../../examples');
const files = readdirSync(examples)
  .filter((name) => name.endsWith('.topo'))
  .sort();

describe('examples parse cleanly', () => {
  it('finds the examples', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s', (name) => {
    const { document, diagnostics } = parse(readFileSync(join(examples, name), 'utf8'), `examples/${name}`);
    expect(diagnostics.map(formatDiagnosticLine)).toEqual([]);
    expect(document.body.length).toBeGreaterThan(0);
  });
});
