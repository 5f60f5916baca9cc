// Benchmark: 20 generated diagrams rendered to SVG per file with mermaid-cli's `mmdc` (a browser
// per diagram) against one SvgRenderer (one browser, one page, Mermaid loaded once) and against
// a cold `topodoc build` of the same 20 files; all measured in the same run.

import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { DEFAULT_CONFIG } from '../src/config/types.js';
import { loadTopologyFromText } from '../src/model/index.js';
import { renderMermaid } from '../src/render/mermaid/index.js';
import { CHROMIUM_ARGS } from '../src/render/svg/chromium-args.js';
import { findBrowser, SvgRenderer } from '../src/render/svg/index.js';
import { generateSmallTopology } from './generate.js';
import { DIAGRAMS, rebuildLines, timeBuilds } from './rebuild.js';

const run = promisify(execFile);
/** mermaid-cli's own `mmdc` executable (its bin, next to its main module), found by module resolution. */
const MMDC = join(dirname(createRequire(import.meta.url).resolve('@mermaid-js/mermaid-cli')), 'cli.js');
const TARGET_RATIO = 13;

async function generatedDiagrams(): Promise<string[]> {
  const texts: string[] = [];
  for (let i = 0; i < DIAGRAMS; i++) {
    const { model } = await loadTopologyFromText(generateSmallTopology(i), `diagram-${i}.topo`);
    texts.push(renderMermaid(model));
  }
  return texts;
}

/** Renders every diagram with one browser and one page: the way `topodoc build` does. */
export async function renderBatch(texts: readonly string[], executablePath: string): Promise<string[]> {
  const renderer = await SvgRenderer.launch({ executablePath, timeoutMs: DEFAULT_CONFIG.svg.timeoutMs });
  try {
    const svgs: string[] = [];
    for (const text of texts) svgs.push(await renderer.render(text));
    return svgs;
  } finally {
    await renderer.close();
  }
}

/** Renders every diagram with its own `mmdc` process (and so its own browser), one after another. */
async function renderWithMmdc(texts: readonly string[], executablePath: string, dir: string): Promise<void> {
  const config = join(dir, 'puppeteer-config.json');
  writeFileSync(config, JSON.stringify({ executablePath, args: CHROMIUM_ARGS }));
  for (const [index, text] of texts.entries()) {
    const input = join(dir, `diagram-${index}.mmd`);
    writeFileSync(input, text);
    await run(MMDC, ['--quiet', '-p', config, '-i', input, '-o', join(dir, `diagram-${index}.svg`)]);
  }
}

async function seconds(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return (performance.now() - start) / 1000;
}

export async function benchSvg(): Promise<string[]> {
  const executablePath = findBrowser(DEFAULT_CONFIG.svg, process.env);
  if (executablePath === undefined)
    return ['svg: skipped — no Chromium found (bash scripts/setup.sh installs it)'];
  const lines: string[] = [];
  const texts = await generatedDiagrams();
  const dir = mkdtempSync(join(tmpdir(), 'topodoc-bench-svg-'));
  try {
    const mmdc = await seconds(() => renderWithMmdc(texts, executablePath, dir));
    const batch = await seconds(() => renderBatch(texts, executablePath));
    const build = await timeBuilds();
    const rows: [string, number][] = [
      [`mmdc, one process per diagram`, mmdc],
      [`SvgRenderer, one browser and page`, batch],
    ];
    if (build !== undefined) rows.push([`topodoc build (cold, all outputs)`, build.coldMs / 1000]);
    lines.push(
      `SVG rendering of ${DIAGRAMS} diagrams (a machine with 2–4 pods of 2 containers each), same run`,
      `  ${'approach'.padEnd(36)} ${'seconds'.padStart(8)} ${'per diagram'.padStart(12)} ${'vs mmdc'.padStart(8)}`,
    );
    for (const [name, total] of rows) {
      const perDiagram = `${((total / DIAGRAMS) * 1000).toFixed(0)} ms`;
      lines.push(
        `  ${name.padEnd(36)} ${total.toFixed(2).padStart(8)} ${perDiagram.padStart(12)} ${`${(mmdc / total).toFixed(1)}×`.padStart(8)}`,
      );
    }
    lines.push(`  target: topodoc build ≥ ${TARGET_RATIO}× faster than per-file mmdc`);
    if (build !== undefined) lines.push('', ...rebuildLines(build));
    return lines;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
