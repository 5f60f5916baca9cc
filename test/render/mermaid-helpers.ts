// Shared by the Mermaid tests: load a model from .topo text, render it, find the files every
// render must handle (examples, render fixtures, Mermaid goldens), and check a line's shape.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadTopologyFromText } from '../../src/model/index.js';
import type { Topology } from '../../src/model/types.js';
import { renderMermaid } from '../../src/render/mermaid/index.js';

export const ROOT = join(import.meta.dirname, '../..');
export const MERMAID_FIXTURES = join(ROOT, 'test/fixtures/mermaid');

/** The model of a .topo text; fails the test on syntax errors, and on model errors unless allowed. */
export async function modelOf(text: string, options: { allowModelErrors?: boolean } = {}): Promise<Topology> {
  const result = await loadTopologyFromText(text, 'test.topo', { cwd: ROOT });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (result.hasSyntaxErrors || (errors.length > 0 && options.allowModelErrors !== true)) {
    throw new Error(
      `test input has errors:\n${errors.map((d) => `${d.range.start.line}: ${d.message}`).join('\n')}`,
    );
  }
  return result.model;
}

export async function mermaidOf(text: string, options: { allowModelErrors?: boolean } = {}): Promise<string> {
  return renderMermaid(await modelOf(text, options));
}

/** Every .topo input the Mermaid view must handle: examples, render fixtures and Mermaid goldens. */
export function allTopoInputs(): { name: string; path: string }[] {
  const inputs = readdirSync(join(ROOT, 'examples'))
    .filter((file) => file.endsWith('.topo'))
    .map((file) => ({ name: `examples/${file}`, path: join(ROOT, 'examples', file) }));
  for (const area of ['render', 'mermaid']) {
    const dir = join(ROOT, 'test/fixtures', area);
    for (const folder of readdirSync(dir)) {
      inputs.push({ name: `fixtures/${area}/${folder}`, path: join(dir, folder, 'input.topo') });
    }
  }
  return inputs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Every line topodoc may write: the header, subgraph/node lines (services: hexagons) whose only free
 * text is a quoted label without `"`, `direction`, `end`, edges with a quoted label, and the fixed class lines.
 */
const LINE_SHAPES = [
  /^flowchart LR$/,
  /^ +subgraph [A-Za-z0-9_]+\["[^"\n]*"\]$/,
  /^ +direction (?:TB|LR)$/,
  /^ +end$/,
  /^ +[A-Za-z0-9_]+\["[^"\n]*"\]$/,
  /^ +[A-Za-z0-9_]+\{\{"[^"\n]*"\}\}$/,
  /^ +[A-Za-z0-9_]+ -(?:->|\.->)(?:\|"[^"\n]*"\|)? [A-Za-z0-9_]+$/,
  /^ +classDef [A-Za-z]+ [a-z-]+:[#0-9a-z ]+(?:,[a-z-]+:[#0-9a-z ]+)*$/,
  /^ +class [A-Za-z0-9_]+(?:,[A-Za-z0-9_]+)* [A-Za-z]+$/,
];

/** The lines of the Mermaid text that match none of the shapes topodoc writes. */
export function unexpectedLines(mermaid: string): string[] {
  return mermaid
    .replace(/\n$/, '')
    .split('\n')
    .filter((line) => !LINE_SHAPES.some((shape) => shape.test(line)));
}
