// The SVG stage of a build: diagrams whose SVG lacks the current cache key are rendered in one
// browser, started only when one is stale; a diagram that fails keeps its previous SVG. The browser
// is started as soon as a stale diagram is known, or foreseen (an SVG missing or older than its
// entry), and each diagram is rendered as soon as it is known, while later files are analysed.

import { statSync } from 'node:fs';
import type { SvgMode, TopodocConfig } from '../config/types.js';
import { BROWSER_INSTALL_HINT } from '../render/svg/browser.js';
import { readSvgCacheKey, svgCacheKey } from '../render/svg/cache-key.js';
import { spawnChromium } from '../render/svg/chromium-process.js';
import { readIfExists, writeIfChanged } from './files.js';
import type { Progress } from './progress.js';

/** What the build needs of a renderer; tests inject fakes. */
export interface DiagramRenderer {
  render(mermaidText: string): Promise<string>;
  close(): Promise<void>;
}

export type LaunchRenderer = ((options: {
  executablePath: string;
  timeoutMs: number;
}) => Promise<DiagramRenderer>) & {
  /** Resolves once the launch has loaded its modules: spawning the browser is its next step. */
  loaded?: () => Promise<unknown>;
};

const loadSvgRenderer = () => import('../render/svg/renderer.js');

/**
 * The real renderer; puppeteer is loaded only when a diagram needs rendering. The browser is
 * spawned first, so it starts while puppeteer loads.
 */
export const launchSvgRenderer: LaunchRenderer = Object.assign(
  async (options: { executablePath: string; timeoutMs: number }) => {
    const chromium = spawnChromium(options.executablePath);
    const { SvgRenderer } = await loadSvgRenderer().catch((error: unknown) => {
      chromium.kill();
      throw error;
    });
    return SvgRenderer.connect(chromium, options);
  },
  { loaded: loadSvgRenderer },
);

export interface SvgJob {
  /** Absolute path of the SVG. */
  path: string;
  /** How messages name it (relative to the cwd). */
  display: string;
  mermaid: string;
}

export interface SvgEnvironment {
  config: TopodocConfig;
  /** The browser `findBrowser` found, or undefined when there is none. */
  browser: string | undefined;
  /** Browser settings the lookup skipped (`lookUpBrowser`): warned about when a render is needed. */
  skippedSettings?: readonly string[];
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
  try {
    const svgTime = statSync(svg, { throwIfNoEntry: false })?.mtimeMs;
    const entryTime = statSync(entry, { throwIfNoEntry: false })?.mtimeMs;
    return svgTime === undefined || (entryTime !== undefined && entryTime > svgTime);
  } catch {
    return false; // unreadable: the build reports it; no browser is started on a guess
  }
}

type Started = { renderer: DiagramRenderer } | { error: unknown };
type JobResult = { written: boolean } | { error: string };

/**
 * Collects a build's SVG jobs and renders each stale one as soon as it is added, in one browser
 * started at the first stale job (or before analysis, with `startIfForeseen`), so Chromium renders
 * while the build goes on analysing files; `renderStale` waits for them all and closes the browser.
 * No browser starts when nothing is stale or foreseen, the mode is `off` or no browser is found;
 * one started for nothing is closed.
 */
export class SvgStage {
  private readonly stale: SvgJob[] = [];
  /** Per stale job, in order: its render and write, started when the job was added; never rejects. */
  private readonly results: Promise<JobResult>[] = [];
  /** The renderer being started; settled (never rejects) with the renderer or the launch error. */
  private starting: Promise<Started> | undefined;
  private readonly executablePath: string | undefined;
  private finished = 0;
  /** True once analysis is over: the progress line then counts the renders. */
  private reporting = false;

  constructor(private readonly environment: SvgEnvironment) {
    this.executablePath = environment.mode === 'off' ? undefined : environment.browser;
  }

  /**
   * Starts the renderer before any file is analysed when an entry's SVG is missing or older than
   * the entry (`svgLikelyStale`): Chromium then starts while the files are parsed and checked.
   * Resolves when the launch has loaded its modules, so the caller's own loading does not delay
   * the browser's spawn.
   */
  async startIfForeseen(outputs: readonly { entry: string; svg: string }[]): Promise<void> {
    if (this.environment.mode !== 'off' && outputs.some(svgLikelyStale)) this.start();
    if (this.starting !== undefined) await this.environment.launch.loaded?.();
  }

  /** Adds a job; when it is stale, starts the renderer if needed and the job's render. */
  async add(job: SvgJob): Promise<void> {
    if (this.environment.mode === 'off' || (await svgStaleness(job)) === undefined) return;
    this.stale.push(job);
    this.start();
    if (this.starting !== undefined) this.results.push(this.renderJob(this.starting, job));
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

  private async renderJob(starting: Promise<Started>, job: SvgJob): Promise<JobResult> {
    const started = await starting;
    if (!('renderer' in started)) return { written: false }; // renderStale reports the launch failure once
    try {
      const svg = await started.renderer.render(job.mermaid);
      return { written: await writeIfChanged(job.path, svg, job.display) };
    } catch (error) {
      return { error: `${job.display} was not rendered: ${sentence(error)} The previous file was kept.` };
    } finally {
      this.finished++;
      if (this.reporting)
        this.environment.progress.update(`[${this.finished}/${this.stale.length}] rendered ${job.display}`);
    }
  }

  /** Waits for the renders of the stale jobs, then closes the renderer; never throws for a failed diagram. */
  async renderStale(): Promise<SvgOutcome> {
    try {
      return await this.outcome();
    } finally {
      this.environment.progress.done();
      await this.close();
    }
  }

  private async outcome(): Promise<SvgOutcome> {
    const { environment, stale } = this;
    const outcome: SvgOutcome = { written: [], errors: [], warnings: [] };
    if (environment.mode === 'off' || stale.length === 0) return outcome;
    for (const skipped of environment.skippedSettings ?? []) outcome.warnings.push(`${capitalise(skipped)}.`);
    if (this.executablePath === undefined) {
      const what = `no browser was found, so ${count(stale.length, 'SVG')} ${stale.length === 1 ? 'was' : 'were'} not rendered`;
      if (environment.mode === 'required')
        outcome.errors.push(`${capitalise(what)} (--svg required): ${BROWSER_INSTALL_HINT}.`);
      else outcome.warnings.push(`${capitalise(what)}: ${BROWSER_INSTALL_HINT}.`);
      return outcome;
    }
    const started = await this.starting;
    if (started === undefined || !('renderer' in started)) {
      outcome.errors.push(
        `${sentence(started?.error)} ${count(stale.length, 'SVG')} not rendered; the previous files were kept.`,
      );
      return outcome;
    }
    this.reporting = true;
    environment.progress.update(`[${this.finished}/${stale.length}] rendering SVGs`);
    // Reported in the jobs' order, whatever order the renders finished in.
    for (const [index, result] of (await Promise.all(this.results)).entries()) {
      if ('error' in result) outcome.errors.push(result.error);
      else if (result.written) outcome.written.push((stale[index] as SvgJob).display);
    }
    return outcome;
  }

  /** Closes the renderer if one was started (for nothing, or before the build failed); idempotent. */
  async close(): Promise<void> {
    const starting = this.starting;
    this.starting = undefined;
    const started = await starting;
    if (started !== undefined && 'renderer' in started) await started.renderer.close();
  }
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
