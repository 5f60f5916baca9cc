// Benchmark of picture quality: for every SVG of the gallery (out/) and for generated clusters of
// growing size rendered here, the subgraph boxes that are not inside their parent or overlap a
// sibling (the containment invariant), the picture's area per drawn entity and the render time,
// so that a change cannot make the pictures worse unnoticed.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONFIG } from '../src/config/types.js';
import { loadTopologyFromText } from '../src/model/index.js';
import { renderMermaid } from '../src/render/mermaid/index.js';
import { findBrowser, SvgRenderer } from '../src/render/svg/index.js';
import { generateCluster } from './generate.js';
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
    lines.push(`  ${base.padEnd(16)} ${quality(mermaid, svg, violations)}`);
  }
  lines.push(`  total containment violations: ${total}`);
  lines.push(...(await generatedClusters()));
  return lines;
}

/** `W×H px, A px² per entity, N containment violations (…)`. */
function quality(mermaid: string, svg: string, violations: readonly string[]): string {
  const [, , width = 0, height = 0] = /viewBox="([-\d. ]+)"/.exec(svg)?.[1]?.split(' ').map(Number) ?? [];
  const entities = subgraphNesting(mermaid).size + (mermaid.match(/^\s+[A-Za-z0-9_]+[[{]/gm)?.length ?? 0);
  const area = Math.round((width * height) / Math.max(1, entities));
  const listed = violations.length > 0 ? ` (${violations.join('; ')})` : '';
  return `${Math.round(width)}×${Math.round(height)} px, ${area} px² per entity, ${violations.length} containment violation${violations.length === 1 ? '' : 's'}${listed}`;
}

/** Generated clusters rendered in one browser: the overview and the first machine's diagram. */
async function generatedClusters(): Promise<string[]> {
  const browser = findBrowser(DEFAULT_CONFIG.svg, process.env);
  if (browser === undefined) return ['  generated clusters: skipped (no Chromium found)'];
  const lines = ['generated clusters (bench/generate.ts generateCluster), rendered here'];
  const renderer = await SvgRenderer.launch({ executablePath: browser, timeoutMs: 120_000 });
  try {
    for (const [machines, pods] of [
      [3, 12],
      [10, 200],
      [10, 2000],
    ] as const) {
      const { model } = await loadTopologyFromText(generateCluster(machines, pods), 'generated.topo', {
        cwd: process.cwd(),
      });
      const first = model.cluster.machines[0];
      const diagrams = [
        ['overview', renderMermaid(model)],
        ['one machine', first === undefined ? '' : renderMermaid(model, { machine: first })],
      ] as const;
      for (const [what, mermaid] of diagrams) {
        const start = performance.now();
        const svg = await renderer.render(mermaid);
        const ms = performance.now() - start;
        const label = `${machines} machines, ${pods} pods, ${what}`;
        lines.push(
          `  ${label.padEnd(36)} ${quality(mermaid, svg, containmentViolations(mermaid, svg))}, ${ms.toFixed(0)} ms`,
        );
      }
    }
  } finally {
    await renderer.close();
  }
  return lines;
}
