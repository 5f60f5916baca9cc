// `topodoc build` as a function: analyse each .topo file, write changed `x.md`/`x.mmd`, render stale
// SVGs in one browser, or with `check` only report drift. Files with errors keep their old outputs.
// This module plans the outputs and starts the browser; the parser, checker and renderers are
// loaded after that (./build-plans.ts), so Chromium starts while they load.

import type { SvgMode, TopodocConfig } from '../config/types.js';
import { displayPathBelow } from '../fs/display-path.js';
import type { ToolIo } from '../pipeline/io.js';
import { lookUpBrowser } from '../render/svg/browser.js';
import { checkOutputDirectory } from './files.js';
import { planOutputs } from './plan.js';
import { createProgress, type Progress } from './progress.js';
import { type LaunchRenderer, launchSvgRenderer, SvgStage } from './svg.js';

export type { DiagramRenderer, LaunchRenderer } from './svg.js';

export interface BuildOptions {
  io: ToolIo;
  /** Absolute output directory. */
  outDir: string;
  /** The output directory as the user wrote it (`-o`): outputs below an absolute one are shown absolute. */
  outDirAsGiven?: string;
  config: TopodocConfig;
  /** Write nothing; report what would change (exit 1 when anything would). */
  check?: boolean;
  /** Default: the config's `svg.mode`. */
  svgMode?: SvgMode;
  /** How diagnostics are printed (stderr). */
  format?: 'stylish' | 'unix';
  allowOutsideRoot?: boolean;
  /** Starts the SVG renderer (tests inject a fake). */
  launchRenderer?: LaunchRenderer;
  /** The status line (default: on `io`'s stderr, on a terminal outside CI). */
  progress?: Progress;
}

export interface BuildResult {
  exitCode: 0 | 1;
  /** Files written (display paths). */
  written: string[];
  /** With `check`: one line per output that would change. */
  changes: string[];
  /** Per entry (absolute path): every file its analysis read or tried to (itself, its imports), absolute. */
  inputs: Map<string, string[]>;
  /** Per entry (absolute path): the outputs it owns, absolute (the SVGs only when SVGs are on). */
  outputs: Map<string, string[]>;
}

/** Builds `entries` (absolute paths of .topo files). Usage problems throw UserError. */
export async function buildFiles(entries: readonly string[], options: BuildOptions): Promise<BuildResult> {
  const { io, config } = options;
  const svgMode = options.svgMode ?? config.svg.mode;
  const plans = planOutputs(entries, options.outDir, io.cwd);
  checkOutputDirectory(options.outDir, displayPathBelow(io.cwd, options.outDir, options.outDirAsGiven));
  const progress = options.progress ?? createProgress(io);
  // Starts the browser before analysis when an SVG is missing or older than its entry, else at the
  // first stale SVG (never for --check), so Chromium loads while the files are analysed.
  // Looked up once: the SVG stage starts it, and the documents link an SVG only when one can be drawn.
  const { browser, skipped } =
    svgMode === 'off' ? { browser: undefined, skipped: [] } : lookUpBrowser(config.svg, io.env);
  const svgStage = new SvgStage({
    config,
    browser,
    skippedSettings: skipped,
    mode: options.check ? 'off' : svgMode,
    launch: options.launchRenderer ?? launchSvgRenderer,
    progress,
  });
  try {
    // The browser's modules first: Chromium is then spawned before the analysis modules load.
    await svgStage.startIfForeseen(plans);
    const { buildPlans } = await import('./build-plans.js');
    return await buildPlans(plans, { svgStage, browser, progress }, options);
  } finally {
    await svgStage.close();
  }
}
