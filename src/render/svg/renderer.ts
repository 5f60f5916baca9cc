// Renders Mermaid text to SVG in one headless browser (spawned by ./chromium-process.ts, driven by
// puppeteer over its pipe), in pages with Mermaid loaded once each (a second page opens only when
// enough renders wait); a diagram that fails or times out rejects alone and the renderer recovers
// for the next one.
// The page is confined: it lives at an origin that never resolves, Mermaid's ES modules are served
// to it from disk by request interception, and every other request is aborted (no network).

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, resolve, sep } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { readSvgCacheKey, svgCacheKey, withCacheKey } from './cache-key.js';
import { type ChromiumProcess, spawnChromium } from './chromium-process.js';
import { importMermaidInPage, initializeInPage, MERMAID_CONFIG, renderInPage } from './page-script.js';
import { findUnsafeSvg, normalizeNewlines, sanitizeSvg } from './safe-svg.js';

/** How long starting the browser and loading Mermaid may take. */
const STARTUP_TIMEOUT_MS = 60_000;

/** Mermaid's ES module build: a small entry that imports the diagram types it renders on demand. */
const MERMAID_DIST = dirname(createRequire(import.meta.url).resolve('mermaid/dist/mermaid.esm.min.mjs'));
/** The page's origin: `.invalid` never resolves (RFC 2606), so nothing else can answer for it. */
const PAGE_ORIGIN = 'https://topodoc.invalid/';
const MERMAID_URL = `${PAGE_ORIGIN}mermaid/`;
const PAGE_HTML = '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body></body></html>';

/** The file under Mermaid's dist folder a request names, or undefined for anything else. */
export function mermaidModuleFile(url: string): string | undefined {
  if (!url.startsWith(MERMAID_URL) || !url.endsWith('.mjs')) return undefined;
  const file = resolve(
    MERMAID_DIST,
    decodeURIComponent(url.slice(MERMAID_URL.length).split(/[?#]/)[0] ?? ''),
  );
  return file.startsWith(MERMAID_DIST + sep) ? file : undefined;
}

export interface SvgRendererOptions {
  executablePath: string;
  /** Per-diagram timeout. */
  timeoutMs: number;
}

/** A diagram that could not be rendered; the message is one sentence for the user. */
export class SvgRenderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SvgRenderError';
  }
}

/** The first line of an error's message, without a trailing colon or full stop (callers add one). */
function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.split('\n').find((candidate) => candidate.trim() !== '') ?? 'unknown error';
  return line.trim().replace(/[:.]+$/, '');
}

/** The SVG root id: derived from the text, so it is stable and differs between diagrams. */
function diagramId(mermaidText: string): string {
  return `topodoc-${createHash('sha256').update(mermaidText).digest('hex').slice(0, 12)}`;
}

function withTimeout<T>(work: Promise<T>, timeoutMs: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SvgRenderError(message)), timeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** True when `question` is answered within 5 s. */
function answersWithin5s(question: Promise<unknown>): Promise<boolean> {
  return withTimeout(question, 5_000, 'no answer').then(
    () => true,
    () => false,
  );
}

/** A page with Mermaid loaded, and a promise that rejects when it crashes. */
interface MermaidPage {
  page: Page;
  /** Rejects when the page crashes, so a render on a dead page fails at once instead of timing out. */
  crashed: Promise<never>;
}

/**
 * How many renders must be waiting for a page before another page is opened: opening one (a new
 * renderer process, Mermaid imported) takes about as long as four renders of a small diagram.
 */
const OPEN_PAGE_WHEN_WAITING = 4;

/** At most this many pages render at once: one renderer process per core, up to four. */
export const MAX_PAGES = Math.max(1, Math.min(4, availableParallelism()));

export class SvgRenderer {
  /** Per lane, its page with Mermaid loaded; undefined until first used or after a failure. */
  private readonly lanes: (MermaidPage | undefined)[] = [undefined];
  /** Lanes no render is using. */
  private readonly freeLanes: number[] = [0];
  /** Renders waiting for a lane, first come first served. */
  private readonly waiting: ((lane: number) => void)[] = [];
  /** The browser being restarted after it died, shared by the lanes that noticed. */
  private restarting: Promise<Browser> | undefined;
  /** The page the browser opened at start, until a lane takes it: cheaper than opening one. */
  private firstPage: Page | undefined;
  /** The URLs the page asked for and did not get: everything but its own content. */
  readonly blockedRequests: string[] = [];

  private constructor(
    private readonly options: SvgRendererOptions,
    private browser: Browser,
    /** The browser's process: closing waits for it to exit and its profile folder to go. */
    private chromium: ChromiumProcess,
  ) {}

  /** Starts the browser and opens the first page with Mermaid loaded. */
  static launch(options: SvgRendererOptions): Promise<SvgRenderer> {
    return SvgRenderer.connect(spawnChromium(options.executablePath), options);
  }

  /**
   * Takes over a browser spawned (`spawnChromium`) before this module was loaded, and loads
   * Mermaid into its first page.
   */
  static async connect(chromium: ChromiumProcess, options: SvgRendererOptions): Promise<SvgRenderer> {
    const browser = await connectTo(chromium, options.executablePath);
    const renderer = new SvgRenderer(options, browser, chromium);
    try {
      renderer.firstPage = await pageOpenedAtStart(browser);
      await renderer.readyPage(0);
    } catch (error) {
      await renderer.close();
      throw error;
    }
    return renderer;
  }

  /** The browser, started again (once, whichever lane asks first) when it has died. */
  private async liveBrowser(): Promise<Browser> {
    if (this.browser.connected) return this.browser;
    this.restarting ??= (async () => {
      this.chromium.kill();
      this.chromium = spawnChromium(this.options.executablePath);
      return connectTo(this.chromium, this.options.executablePath);
    })().finally(() => {
      this.restarting = undefined;
    });
    this.browser = await this.restarting;
    return this.browser;
  }

  /** A lane for one render: a free one, a new one when enough renders wait, else the next released. */
  private acquireLane(): Promise<number> {
    const free = this.freeLanes.shift();
    if (free !== undefined) return Promise.resolve(free);
    if (this.lanes.length < MAX_PAGES && this.waiting.length + 1 >= OPEN_PAGE_WHEN_WAITING) {
      this.lanes.push(undefined);
      return Promise.resolve(this.lanes.length - 1);
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private releaseLane(lane: number): void {
    const next = this.waiting.shift();
    if (next === undefined) this.freeLanes.push(lane);
    else next(lane);
  }

  /**
   * The lane's page with Mermaid loaded, opened when it has none. A page that crashes while Mermaid
   * loads (its renderer process killed or out of memory) fails at once, and a fresh page is tried
   * once more: without the crash in the race, the load would wait out the startup timeout.
   */
  private async readyPage(lane: number, retries = 1): Promise<MermaidPage> {
    const current = this.lanes[lane];
    const browser = await this.liveBrowser();
    if (current !== undefined && !current.page.isClosed() && current.page.browser() === browser)
      return current;
    let page: Page | undefined;
    let crashed: Promise<never> | undefined;
    let pageCrashed = false;
    const setup = async () => {
      const opened = this.takeFirstPage(browser) ?? (await browser.newPage());
      page = opened;
      // A crashed page is dropped at once, so the lane's next render opens a fresh one even when
      // this lane was not rendering at the time.
      crashed = new Promise<never>((_, reject) => {
        opened.once('error', () => {
          pageCrashed = true;
          if (this.lanes[lane]?.page === opened) this.lanes[lane] = undefined;
          reject(new SvgRenderError('The browser page crashed.'));
        });
      });
      crashed.catch(() => undefined);
      await Promise.race([this.loadMermaid(opened), crashed]);
      return opened;
    };
    try {
      const ready = await withTimeout(
        setup(),
        STARTUP_TIMEOUT_MS,
        'Loading Mermaid into the browser timed out.',
      );
      const mermaidPage = { page: ready, crashed: crashed as Promise<never> };
      this.lanes[lane] = mermaidPage;
      return mermaidPage;
    } catch (error) {
      await page?.close().catch(() => undefined);
      if (pageCrashed && retries > 0) return this.readyPage(lane, retries - 1);
      throw error instanceof SvgRenderError
        ? error
        : new SvgRenderError(`Could not load Mermaid: ${firstLine(error)}.`);
    }
  }

  /** Serves the page its content and Mermaid's modules, opens it and imports Mermaid into it. */
  private async loadMermaid(page: Page): Promise<void> {
    await page.setRequestInterception(true);
    page.on('request', (request) => void this.answer(request));
    await page.goto(PAGE_ORIGIN);
    await page.evaluate(importMermaidInPage(`${MERMAID_URL}mermaid.esm.min.mjs`));
    await page.evaluate(initializeInPage, MERMAID_CONFIG);
  }

  private takeFirstPage(browser: Browser): Page | undefined {
    const page = this.firstPage;
    this.firstPage = undefined;
    return page !== undefined && !page.isClosed() && page.browser() === browser ? page : undefined;
  }

  /** Serves the page and Mermaid's modules; aborts every other request. */
  private async answer(request: HTTPRequest): Promise<void> {
    const url = request.url();
    try {
      if (url === PAGE_ORIGIN)
        return await request.respond({ status: 200, contentType: 'text/html', body: PAGE_HTML });
      const file = mermaidModuleFile(url);
      if (file !== undefined) {
        const body = await readFile(file);
        return await request.respond({ status: 200, contentType: 'text/javascript', body });
      }
      this.blockedRequests.push(url);
      await request.abort('blockedbyclient');
    } catch {
      await request.abort('failed').catch(() => undefined);
    }
  }

  /** True when the page still answers: a failed render was Mermaid's, not a crashed page or browser. */
  private pageAnswers(page: Page): Promise<boolean> {
    if (page.isClosed() || !this.browser.connected) return Promise.resolve(false);
    return answersWithin5s(page.evaluate(() => true));
  }

  /** True when the browser process answers: it is neither frozen nor gone. */
  private browserAnswers(): Promise<boolean> {
    if (!this.browser.connected) return Promise.resolve(false);
    return answersWithin5s(this.browser.version());
  }

  /** Drops a lane's page that may be stuck or broken; the lane's next render opens a fresh one. */
  private async discardPage(lane: number): Promise<void> {
    const current = this.lanes[lane];
    this.lanes[lane] = undefined;
    if (current === undefined) return;
    await withTimeout(current.page.close(), 5_000, 'closing the page timed out').catch(() => undefined);
  }

  /**
   * The SVG for one Mermaid diagram: safe (no scripts, handlers or script URLs), deterministic,
   * LF line endings, one final newline, first line the cache-key comment. Renders may be started
   * together: they share the pages, opening more when many wait (`OPEN_PAGE_WHEN_WAITING`).
   */
  async render(mermaidText: string, options: { timeoutMs?: number } = {}): Promise<string> {
    refuseOversizedDiagram(mermaidText);
    const lane = await this.acquireLane();
    try {
      return await this.renderInLane(lane, mermaidText, options.timeoutMs ?? this.options.timeoutMs);
    } finally {
      this.releaseLane(lane);
    }
  }

  private async renderInLane(lane: number, mermaidText: string, timeoutMs: number): Promise<string> {
    const { page, crashed } = await this.readyPage(lane);
    let svg: string;
    try {
      svg = await withTimeout(
        Promise.race([page.evaluate(renderInPage, diagramId(mermaidText), mermaidText), crashed]),
        timeoutMs,
        `Rendering the diagram timed out after ${timeoutMs} ms.`,
      );
    } catch (error) {
      if (error instanceof SvgRenderError) {
        // A frozen browser still looks connected, and every later render would wait out the
        // startup timeout on it: one that does not answer either is killed, to be started again.
        if (await this.browserAnswers()) await this.discardPage(lane);
        else {
          this.lanes[lane] = undefined;
          this.chromium.kill();
          await this.chromium.exited; // then it is seen disconnected, and the next render restarts it
        }
        throw error;
      }
      if (await this.pageAnswers(page)) {
        throw new SvgRenderError(`Mermaid could not render the diagram: ${firstLine(error)}.`);
      }
      await this.discardPage(lane);
      throw new SvgRenderError(`The browser failed while rendering the diagram: ${firstLine(error)}.`);
    }
    return finishSvg(svg, svgCacheKey(mermaidText));
  }

  /** How many pages are open with Mermaid loaded. */
  get openPages(): number {
    return this.lanes.filter((lane) => lane !== undefined && !lane.page.isClosed()).length;
  }

  async close(): Promise<void> {
    this.lanes.fill(undefined);
    this.firstPage = undefined;
    // Killed rather than asked to quit (~60 ms): its profile is thrown away, nothing is lost.
    this.chromium.kill();
    await this.chromium.exited;
  }
}

/**
 * The page the browser opened at start, or undefined when it does not answer within 5 s: its
 * renderer process died (puppeteer would wait 180 s for it), and the first lane opens a new page.
 */
async function pageOpenedAtStart(browser: Browser): Promise<Page | undefined> {
  const pages = browser.pages();
  pages.catch(() => undefined);
  return withTimeout(pages, 5_000, 'no answer').then(
    ([page]) => page,
    () => undefined,
  );
}

/** Connects puppeteer to a spawned browser; one sentence when it cannot start or answer. */
async function connectTo(chromium: ChromiumProcess, executablePath: string): Promise<Browser> {
  const ended = chromium.exited.then(() => {
    throw new Error(chromium.failure() ?? 'it ended');
  });
  ended.catch(() => undefined);
  try {
    return await withTimeout(
      Promise.race([puppeteer.connect({ transport: chromium.transport }), ended]),
      STARTUP_TIMEOUT_MS,
      `it did not answer within ${STARTUP_TIMEOUT_MS / 1000} s`,
    );
  } catch (error) {
    // A browser that quit by itself (the connection closed with it) says why on its way out.
    const quit = await Promise.race([chromium.exited.then(() => true), delay(1_000, false, { ref: false })]);
    if (!quit) chromium.kill();
    await chromium.exited;
    const reason = (quit ? chromium.failure() : undefined) ?? firstLine(error);
    throw new SvgRenderError(
      `Could not start the browser ${executablePath}: ${reason.replace(/[:.]+$/, '')}.`,
    );
  }
}

/**
 * Mermaid silently swaps a diagram longer than its `maxTextSize` for a red box saying "Maximum text
 * size in diagram exceeded" and returns it as if it were the picture: refuse such a diagram here.
 */
export function refuseOversizedDiagram(mermaidText: string): void {
  const limit = MERMAID_CONFIG.maxTextSize;
  if (mermaidText.length <= limit) return;
  throw new SvgRenderError(
    `The diagram is ${mermaidText.length.toLocaleString('en-US')} characters of Mermaid, more than the ${limit.toLocaleString('en-US')} Mermaid renders; draw a part of the topology (one cluster or machine per file) to get its SVG.`,
  );
}

/** Sanitizes as the last step of the markup, asserts the result is safe, adds the cache key. */
export function finishSvg(svg: string, cacheKey: string): string {
  const safe = sanitizeSvg(svg.replace(/\r\n?/g, '\n'));
  const left = findUnsafeSvg(safe);
  if (left.length > 0)
    throw new SvgRenderError(`The SVG still holds unsafe markup after sanitizing: ${left[0]}.`);
  return normalizeNewlines(withCacheKey(safe, cacheKey));
}

export { readSvgCacheKey, svgCacheKey };
