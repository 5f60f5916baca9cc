// The stages import one way only: parser → manifests → model → checker / render → pipeline → build /
// embed / watch → cli. Each top-level unit of src/ has a rank; an import may only reach a lower rank,
// so peers (checker and render, build and embed) never import each other and nothing imports back up.
// `manifests` is a second front end beside the parser: it builds the parser's syntax tree.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Lowest first. Units in one row are peers: neither may import the other. */
const STAGES: readonly (readonly string[])[] = [
  ['diagnostics', 'errors', 'text'],
  ['fs'],
  ['config'],
  ['parser'],
  ['manifests'],
  ['model'],
  ['checker', 'render', 'fmt'],
  ['diff'],
  ['report', 'pipeline'],
  ['build', 'embed', 'init', 'remark'],
  ['watch'],
  ['cli'],
  ['index'],
];

const SRC = resolve(import.meta.dirname, '../../src');

interface ImportEdge {
  file: string;
  from: string;
  to: string;
}

function rankOf(unit: string): number {
  return STAGES.findIndex((row) => row.includes(unit));
}

/** `src/model/build.ts` → `model`; `src/index.ts` → `index`. */
function unitOf(srcRelative: string): string {
  const parts = srcRelative.split(sep);
  return parts.length === 1 ? (parts[0] ?? '').replace(/\.[jt]s$/, '') : (parts[0] ?? '');
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every relative import (static, type-only, re-export or dynamic) that crosses units. */
function importEdges(files: readonly { path: string; text: string }[]): ImportEdge[] {
  const edges: ImportEdge[] = [];
  const specifier = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g;
  for (const { path, text } of files) {
    const from = unitOf(relative(SRC, path));
    for (const match of text.matchAll(specifier)) {
      const target = resolve(dirname(path), match[1] ?? '');
      const to = unitOf(relative(SRC, target));
      if (to !== from) edges.push({ file: relative(SRC, path), from, to });
    }
  }
  return edges;
}

function violations(edges: readonly ImportEdge[]): string[] {
  return edges
    .filter((edge) => !(rankOf(edge.to) >= 0 && rankOf(edge.to) < rankOf(edge.from)))
    .map((edge) => `${edge.file} imports ${edge.to} (${edge.from} may not depend on ${edge.to})`);
}

describe('stage order', () => {
  const files = sourceFiles(SRC).map((path) => ({ path, text: readFileSync(path, 'utf8') }));

  it('assigns every unit of src/ a stage', () => {
    const units = new Set(files.map((file) => unitOf(relative(SRC, file.path))));
    expect([...units].filter((unit) => rankOf(unit) < 0)).toEqual([]);
  });

  it('has no import against the order', () => {
    expect(violations(importEdges(files))).toEqual([]);
  });

  it('sees every import form, and refuses peers and imports back up', () => {
    const at = (path: string) => join(SRC, path);
    const edges = importEdges([
      { path: at('render/mermaid/x.ts'), text: "import { a } from '../../checker/network.js';" },
      { path: at('build/x.ts'), text: "import type { B } from '../cli/io.js';" },
      { path: at('model/x.ts'), text: "export * from '../render/views.js';" },
      { path: at('cli/x.ts'), text: "const m = await import('../watch/session.js');" },
      { path: at('checker/x.ts'), text: "import '../model/types.js';" },
    ]);
    expect(edges.map((edge) => `${edge.from}>${edge.to}`)).toEqual([
      'render>checker',
      'build>cli',
      'model>render',
      'cli>watch',
      'checker>model',
    ]);
    expect(violations(edges)).toHaveLength(3);
  });
});
