// `topodoc build` of 20 diagrams from scratch (one browser, Mermaid loaded once) and the no-change
// rebuild that follows it (target: no browser started, under 10% of the cold time).

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildFiles, type LaunchRenderer } from '../src/build/index.js';
import { launchSvgRenderer } from '../src/build/svg.js';
import { DEFAULT_CONFIG } from '../src/config/types.js';
import type { ToolIo } from '../src/pipeline/io.js';
import { findBrowser } from '../src/render/svg/index.js';
import { generateSmallTopology } from './generate.js';

export const DIAGRAMS = 20;

export interface BuildTimings {
  coldMs: number;
  rebuildMs: number;
  coldLaunches: number;
  rebuildLaunches: number;
}

const quietIo = (cwd: string): ToolIo => ({
  cwd,
  env: process.env,
  stdout: { write: () => undefined, isTTY: false },
  stderr: { write: (text) => void process.stderr.write(text), isTTY: false },
  readStdin: async () => '',
});

/** Writes the 20 diagrams into a fresh project and times a cold build and a no-change rebuild. */
export async function timeBuilds(): Promise<BuildTimings | undefined> {
  if (findBrowser(DEFAULT_CONFIG.svg, process.env) === undefined) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'topodoc-bench-build-'));
  try {
    writeFileSync(join(dir, 'package.json'), '{"name": "bench", "private": true}\n');
    mkdirSync(join(dir, 'src'));
    const entries = Array.from({ length: DIAGRAMS }, (_, i) => {
      const file = join(dir, 'src', `diagram-${String(i).padStart(2, '0')}.topo`);
      writeFileSync(file, generateSmallTopology(i));
      return file;
    });
    let launches = 0;
    const countingLaunch: LaunchRenderer = (options) => {
      launches++;
      return launchSvgRenderer(options);
    };
    const build = async () => {
      const start = performance.now();
      const result = await buildFiles(entries, {
        io: quietIo(dir),
        outDir: join(dir, 'out'),
        config: DEFAULT_CONFIG,
        svgMode: 'required',
        launchRenderer: countingLaunch,
      });
      if (result.exitCode !== 0) throw new Error('the benchmark build failed');
      return performance.now() - start;
    };
    const coldMs = await build();
    const coldLaunches = launches;
    const rebuildMs = await build();
    return { coldMs, rebuildMs, coldLaunches, rebuildLaunches: launches - coldLaunches };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The cold build against the no-change rebuild that followed it. */
export function rebuildLines(timings: BuildTimings): string[] {
  const { coldMs, rebuildMs, coldLaunches, rebuildLaunches } = timings;
  return [
    `build of ${DIAGRAMS} diagrams: cold vs no-change rebuild (same run)`,
    `  cold build         ${(coldMs / 1000).toFixed(2)} s, browser launches: ${coldLaunches}`,
    `  no-change rebuild  ${rebuildMs.toFixed(0)} ms, browser launches: ${rebuildLaunches} (target 0)`,
    `  rebuild / cold     ${((rebuildMs / coldMs) * 100).toFixed(1)}% (target < 10%)`,
  ];
}
