// Renders Mermaid text to SVG in one headless browser with one page and Mermaid loaded once;
// a diagram that fails or times out rejects alone and the renderer recovers for the next one.
// The page is confined: it lives at an origin that never resolves, Mermaid's ES modules are served
// to it from disk by request interception, and every other request is aborted (no network).

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, resolve, sep } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { isHeadlessShell } from './browser.js';
import { readSvgCacheKey, svgCacheKey, withCacheKey } from './cache-key.js';
import { importMermaidInPage, initializeInPage, MERMAID_CONFIG, renderInPage } from './page-script.js';
import { findUnsafeSvg, normalizeNewlines, sanitizeSvg } from './safe-svg.js';

/**
 * Chromium flags. --no-sandbox: Chromium's sandbox cannot start as root or in most containers and
 * CI runners (no user namespaces), where topodoc runs; the page it would protect is confined
 * instead (below: only Mermaid's own modules load, every other request is aborted, the diagram
 * text renders with Mermaid's strict security level and the SVG is sanitized). The rest keep the
 * browser from calling home.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
] as const;

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

export class SvgRenderer {
  /** The page with Mermaid loaded; undefined after a failure until the next render reopens it. */
  private page: Page | undefined;
  /** Rejects when the page crashes, so a render on a dead page fails at once instead of timing out. */
  private pageCrash: Promise<never> = new Promise<never>(() => undefined);
  /** The URLs the page asked for and did not get: everything but its own content. */
  readonly blockedRequests: string[] = [];

  private constructor(
    private readonly options: SvgRendererOptions,
    private browser: Browser,
  ) {}

  static async launch(options: SvgRendererOptions): Promise<SvgRenderer> {
    const renderer = new SvgRenderer(options, await SvgRenderer.startBrowser(options.executablePath));
    try {
      await renderer.readyPage();
    } catch (error) {
      await renderer.close();
      throw error;
    }
    return renderer;
  }

  private static async startBrowser(executablePath: string): Promise<Browser> {
    try {
      return await puppeteer.launch({
        executablePath,
        headless: isHeadlessShell(executablePath) ? 'shell' : true,
        args: [...CHROMIUM_ARGS],
        timeout: STARTUP_TIMEOUT_MS,
      });
    } catch (error) {
      throw new SvgRenderError(`Could not start the browser ${executablePath}: ${firstLine(error)}.`);
    }
  }

  private async readyPage(): Promise<Page> {
    if (this.page !== undefined && !this.page.isClosed()) return this.page;
    if (!this.browser.connected) this.browser = await SvgRenderer.startBrowser(this.options.executablePath);
    let page: Page | undefined;
    const setup = async () => {
      page = await this.browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (request) => void this.answer(request));
      await page.goto(PAGE_ORIGIN);
      await page.evaluate(importMermaidInPage(`${MERMAID_URL}mermaid.esm.min.mjs`));
      await page.evaluate(initializeInPage, MERMAID_CONFIG);
      return page;
    };
    try {
      const ready = await withTimeout(
        setup(),
        STARTUP_TIMEOUT_MS,
        'Loading Mermaid into the browser timed out.',
      );
      this.pageCrash = new Promise<never>((_, reject) => {
        ready.once('error', () => reject(new SvgRenderError('The browser page crashed.')));
      });
      this.pageCrash.catch(() => undefined);
      this.page = ready;
      return ready;
    } catch (error) {
      await page?.close().catch(() => undefined);
      throw error instanceof SvgRenderError
        ? error
        : new SvgRenderError(`Could not load Mermaid: ${firstLine(error)}.`);
    }
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
  private async pageAnswers(page: Page): Promise<boolean> {
    if (page.isClosed() || !this.browser.connected) return false;
    return withTimeout(
      page.evaluate(() => true),
      5_000,
      'no answer',
    ).catch(() => false);
  }

  /** Drops a page that may be stuck or broken; the next render opens a fresh one. */
  private async discardPage(): Promise<void> {
    const page = this.page;
    this.page = undefined;
    if (page === undefined) return;
    await withTimeout(page.close(), 5_000, 'closing the page timed out').catch(() => undefined);
  }

  /**
   * The SVG for one Mermaid diagram: safe (no scripts, handlers or script URLs), deterministic,
   * LF line endings, one final newline, first line the cache-key comment.
   */
  async render(mermaidText: string, options: { timeoutMs?: number } = {}): Promise<string> {
    refuseOversizedDiagram(mermaidText);
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs;
    const page = await this.readyPage();
    let svg: string;
    try {
      svg = await withTimeout(
        Promise.race([page.evaluate(renderInPage, diagramId(mermaidText), mermaidText), this.pageCrash]),
        timeoutMs,
        `Rendering the diagram timed out after ${timeoutMs} ms.`,
      );
    } catch (error) {
      if (error instanceof SvgRenderError) {
        await this.discardPage();
        throw error;
      }
      if (await this.pageAnswers(page)) {
        throw new SvgRenderError(`Mermaid could not render the diagram: ${firstLine(error)}.`);
      }
      await this.discardPage();
      throw new SvgRenderError(`The browser failed while rendering the diagram: ${firstLine(error)}.`);
    }
    return finishSvg(svg, svgCacheKey(mermaidText));
  }

  async close(): Promise<void> {
    this.page = undefined;
    await this.browser.close().catch(() => undefined);
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
