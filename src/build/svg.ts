// The SVG stage of a build: diagrams whose SVG lacks the current cache key are rendered in one
// browser, started only when one is stale; a diagram that fails keeps its previous SVG. The browser
// is started as soon as a stale diagram is known, or foreseen (an SVG missing or older than its
// entry), so it loads while the files are analysed.

import { statSync } from 'node:fs';
import type { SvgMode, TopodocConfig } from '../config/types.js';
import { BROWSER_INSTALL_HINT, findBrowser } from '../render/svg/browser.js';
import { readSvgCacheKey, svgCacheKey } from '../render/svg/cache-key.js';
import { readIfExists, writeIfChanged } from './files.js';
import type { Progress } from './progress.js';

/** What the build needs of a renderer; tests inject fakes. */
export interface DiagramRenderer {
  render(mermaidText: string): Promise<string>;
  close(): Promise<void>;
}

export type LaunchRenderer = (options: {
  executablePath: string;
  timeoutMs: number;
}) => Promise<DiagramRenderer>;

/** The real renderer; puppeteer is loaded only when a diagram needs rendering. */
export const launchSvgRenderer: LaunchRenderer = async (options) => {
  const { SvgRenderer } = await import('../render/svg/renderer.js');
  return SvgRenderer.launch(options);
};

export interface SvgJob {
  /** Absolute path of the SVG. */
  path: string;
  /** How messages name it (relative to the cwd). */
  display: string;
  mermaid: string;
}

export interface SvgEnvironment {
  config: TopodocConfig;
  env: Readonly<Record<string, string | undefined>>;
  mode: SvgMode;
  launch: LaunchRenderer;
  progress: Progress;
}

export interface SvgOutcome {
  written: string[];
  /** One sentence each: failures (exit 1). */
  errors: string[];
  /** One sentence each: no browser in `auto` mode (exit 0). */
  warnings: string[];
}

/** Why a job's SVG is out of date, or undefined when its cache key matches. */
export async function svgStaleness(job: SvgJob): Promise<'missing' | 'stale' | undefined> {
  const existing = await readIfExists(job.path, job.display);
  if (existing === undefined) return 'missing';
  return readSvgCacheKey(existing) === svgCacheKey(job.mermaid) ? undefined : 'stale';
}

/**
 * True when the SVG of `entry` is missing or older than the entry: its diagram very likely changed.
 * A guess made before analysis (imports are not known yet); the cache key still decides.
 */
function svgLikelyStale({ entry, svg }: { entry: string; svg: string }): boolean {
  const svgTime = statSync(svg, { throwIfNoEntry: false })?.mtimeMs;
  const entryTime = statSync(entry, { throwIfNoEntry: false })?.mtimeMs;
  return svgTime === undefined || (entryTime !== undefined && entryTime > svgTime);
}

/**
 * Collects a build's SVG jobs and starts the renderer at the first stale one (or before analysis,
 * with `startIfForeseen`), while the build goes on analysing files; `renderStale` then renders
 * every stale job in that one browser and closes it. No browser starts when nothing is stale or
 * foreseen, the mode is `off` or no browser is found; one started for nothing is closed.
 */
export class SvgStage {
  private readonly jobs: SvgJob[] = [];
  private readonly stale: SvgJob[] = [];
  /** The renderer being started; settled (never rejects) with the renderer or the launch error. */
  private starting: Promise<{ renderer: DiagramRenderer } | { error: unknown }> | undefined;
  private readonly executablePath: string | undefined;

  constructor(private readonly environment: SvgEnvironment) {
    this.executablePath =
      environment.mode === 'off' ? undefined : findBrowser(environment.config.svg, environment.env);
  }

  /**
   * Starts the renderer before any file is analysed when an entry's SVG is missing or older than
   * the entry (`svgLikelyStale`): Chromium then starts while the files are parsed and checked.
   */
  startIfForeseen(outputs: readonly { entry: string; svg: string }[]): void {
    if (this.environment.mode !== 'off' && outputs.some(svgLikelyStale)) this.start();
  }

  /** Adds a job; starts the renderer if the job is stale and none is starting yet. */
  async add(job: SvgJob): Promise<void> {
    this.jobs.push(job);
    if (this.environment.mode === 'off' || (await svgStaleness(job)) === undefined) return;
    this.stale.push(job);
    this.start();
  }

  private start(): void {
    if (this.starting !== undefined || this.executablePath === undefined) return;
    this.starting = this.environment
      .launch({ executablePath: this.executablePath, timeoutMs: this.environment.config.svg.timeoutMs })
      .then(
        (renderer) => ({ renderer }),
        (error: unknown) => ({ error }),
      );
  }

  /** Renders the stale jobs added and writes them, then closes the renderer; never throws for a failed diagram. */
  async renderStale(): Promise<SvgOutcome> {
    try {
      return await renderStale(this.stale, this.executablePath, this.starting, this.environment);
    } finally {
      await this.close();
    }
  }

  /** Closes the renderer if one was started (for nothing, or before the build failed); idempotent. */
  async close(): Promise<void> {
    const starting = this.starting;
    this.starting = undefined;
    const started = await starting;
    if (started !== undefined && 'renderer' in started) await started.renderer.close();
  }
}

async function renderStale(
  stale: readonly SvgJob[],
  executablePath: string | undefined,
  starting: Promise<{ renderer: DiagramRenderer } | { error: unknown }> | undefined,
  environment: SvgEnvironment,
): Promise<SvgOutcome> {
  const outcome: SvgOutcome = { written: [], errors: [], warnings: [] };
  if (environment.mode === 'off' || stale.length === 0) return outcome;
  if (executablePath === undefined) {
    const what = `no browser was found, so ${count(stale.length, 'SVG')} ${stale.length === 1 ? 'was' : 'were'} not rendered`;
    if (environment.mode === 'required')
      outcome.errors.push(`${capitalise(what)} (--svg required): ${BROWSER_INSTALL_HINT}.`);
    else outcome.warnings.push(`${capitalise(what)}: ${BROWSER_INSTALL_HINT}.`);
    return outcome;
  }

  const started = await starting;
  if (started === undefined || !('renderer' in started)) {
    outcome.errors.push(
      `${sentence(started?.error)} ${count(stale.length, 'SVG')} not rendered; the previous files were kept.`,
    );
    return outcome;
  }
  const { renderer } = started;
  try {
    for (const [index, job] of stale.entries()) {
      environment.progress.update(`[${index + 1}/${stale.length}] rendering ${job.display}`);
      try {
        const svg = await renderer.render(job.mermaid);
        if (await writeIfChanged(job.path, svg, job.display)) outcome.written.push(job.display);
      } catch (error) {
        outcome.errors.push(
          `${job.display} was not rendered: ${sentence(error)} The previous file was kept.`,
        );
      }
    }
  } finally {
    environment.progress.done();
  }
  return outcome;
}

/** An error's message as a sentence ending in a full stop. */
function sentence(error: unknown): string {
  const text = (error instanceof Error ? error.message : String(error)).trim();
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
