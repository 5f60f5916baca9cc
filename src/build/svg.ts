// The SVG stage of a build: diagrams whose SVG lacks the current cache key are rendered in one
// browser, started only when one is stale; a diagram that fails keeps its previous SVG.

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

/** Renders the stale diagrams of `jobs` and writes them; never throws for a failed diagram. */
export async function renderStaleSvgs(
  jobs: readonly SvgJob[],
  environment: SvgEnvironment,
): Promise<SvgOutcome> {
  const outcome: SvgOutcome = { written: [], errors: [], warnings: [] };
  if (environment.mode === 'off') return outcome;
  const stale: SvgJob[] = [];
  for (const job of jobs) if ((await svgStaleness(job)) !== undefined) stale.push(job);
  if (stale.length === 0) return outcome;

  const executablePath = findBrowser(environment.config.svg, environment.env);
  if (executablePath === undefined) {
    const what = `no browser was found, so ${count(stale.length, 'SVG')} ${stale.length === 1 ? 'was' : 'were'} not rendered`;
    if (environment.mode === 'required')
      outcome.errors.push(`${capitalise(what)} (--svg required): ${BROWSER_INSTALL_HINT}.`);
    else outcome.warnings.push(`${capitalise(what)}: ${BROWSER_INSTALL_HINT}.`);
    return outcome;
  }

  let renderer: DiagramRenderer;
  try {
    renderer = await environment.launch({ executablePath, timeoutMs: environment.config.svg.timeoutMs });
  } catch (error) {
    outcome.errors.push(
      `${sentence(error)} ${count(stale.length, 'SVG')} not rendered; the previous files were kept.`,
    );
    return outcome;
  }
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
    await renderer.close();
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
