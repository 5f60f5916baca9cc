// Benchmark of picture quality: for every SVG of the gallery (out/), the subgraph boxes that are
// not inside their parent or overlap a sibling (the containment invariant), and the picture's area
// per drawn entity, so that a change cannot make the pictures worse unnoticed.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { containmentViolations, subgraphNesting } from './svg-layout.js';

const OUT = join(import.meta.dirname, '../../out');

export async function benchLayout(): Promise<string[]> {
  const lines = ['diagram layout of the gallery (out/*.svg): containment violations, area per entity'];
  let total = 0;
  for (const file of readdirSync(OUT)
    .filter((name) => name.endsWith('.svg'))
    .sort()) {
    const base = file.replace(/\.svg$/, '');
    const svg = readFileSync(join(OUT, file), 'utf8');
    const mermaid = readFileSync(join(OUT, `${base}.mmd`), 'utf8');
    const violations = containmentViolations(mermaid, svg);
    total += violations.length;
    const [, , width = 0, height = 0] = /viewBox="([-\d. ]+)"/.exec(svg)?.[1]?.split(' ').map(Number) ?? [];
    const entities = subgraphNesting(mermaid).size + (mermaid.match(/^\s+[A-Za-z0-9_]+[[{]/gm)?.length ?? 0);
    lines.push(
      `  ${base.padEnd(16)} ${Math.round(width)}×${Math.round(height)} px, ${Math.round((width * height) / Math.max(1, entities))} px² per entity, ${violations.length} containment violation${violations.length === 1 ? '' : 's'}${violations.length > 0 ? ` (${violations.join('; ')})` : ''}`,
    );
  }
  lines.push(`  total containment violations: ${total}`);
  return lines;
}
