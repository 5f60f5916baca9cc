// The SVG renderer with a real Chromium (skipped, with the reason in the test names, when none
// is found): one launch for many diagrams, labels present, safe output, byte-identical repeats,
// and a diagram that fails or times out failing alone.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HTTPRequest, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumProcess, spawnChromium } from '../../src/render/svg/chromium-process.js';
import { readSvgCacheKey, SvgRenderError, SvgRenderer, svgCacheKey } from '../../src/render/svg/index.js';
import { MAX_PAGES, mermaidModuleFile } from '../../src/render/svg/renderer.js';
import { findUnsafeSvg } from '../../src/render/svg/safe-svg.js';
import { chromiumUnderTest } from '../helpers/chromium.js';
import { runningProcesses } from '../helpers/processes.js';
import { MERMAID_FIXTURES, mermaidOf, ROOT } from './mermaid-helpers.js';

/** Examples whose diagrams the concurrency test renders. */
const GALLERY = ['node.topo', 'pod.topo', 'cluster.topo', 'services.topo'];

async function mermaidOfExample(name: string): Promise<string> {
  return mermaidOf(readFileSync(join(ROOT, 'examples', name), 'utf8'));
}

const { browser, skipReason: skipped } = chromiumUnderTest(process.env, 'svg-chromium tests');

/** The text a reader sees: the SVG's markup without tags, entities decoded. */
function visibleText(svg: string): string {
  return svg
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe.skipIf(browser === undefined)(`SvgRenderer with Chromium${skipped}`, () => {
  let renderer: SvgRenderer;
  let nodeWithPods: string;
  let hostile: string;

  beforeAll(async () => {
    renderer = await SvgRenderer.launch({ executablePath: browser as string, timeoutMs: 30_000 });
    nodeWithPods = await mermaidOf(readFileSync(join(ROOT, 'examples/node-with-pods.topo'), 'utf8'));
    hostile = await mermaidOf(readFileSync(join(MERMAID_FIXTURES, 'labels-escaped/input.topo'), 'utf8'));
  }, 120_000);

  afterAll(async () => {
    await renderer?.close();
  });

  it('renders several diagrams with one launch, each with its labels and cache key', async () => {
    const first = await renderer.render(nodeWithPods);
    const second = await renderer.render(hostile);
    for (const [svg, text] of [
      [first, nodeWithPods],
      [second, hostile],
    ] as const) {
      expect(svg.split('\n')[0]).toBe(`<!-- topodoc-cache-key: ${svgCacheKey(text)} -->`);
      expect(readSvgCacheKey(svg)).toBe(svgCacheKey(text));
      expect(svg.split('\n')[1]).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      expect(svg.endsWith('</svg>\n')).toBe(true);
      expect(svg).not.toContain('\r');
    }
    const shown = visibleText(first);
    for (const label of [
      'NODE (machine) · 192.168.56.11',
      'POD 1 · 10.0.0.1',
      'app container',
      'nginx:1.27',
    ]) {
      expect(shown).toContain(label);
    }
    expect(shown).toContain('health check (:8080)');
  });

  it('shows hostile labels as text, with no script, handler or script URL in the SVG', async () => {
    const svg = await renderer.render(hostile);
    expect(findUnsafeSvg(svg)).toEqual([]);
    const tags = svg.match(/<[^>]*>/g) ?? [];
    expect(tags.filter((tag) => /^<script|\son[a-z]+\s*=|javascript:/i.test(tag))).toEqual([]);
    const shown = visibleText(svg);
    expect(shown).toContain('<script>alert(1)</script> · 10.0.0.1');
    expect(shown).toContain('<img src=x onerror=alert(1)>');
    expect(shown).toContain('%%{init: {"theme": "dark"}}%%');
    expect(shown).toContain('classDef p fill:#f00; style p fill:red');
    expect(shown).toContain('a|b `c` \\d #quot; &amp;');
    expect(shown).toContain('fa:fa-car --> x ; (:80)');
  });

  it('gives byte-identical SVG for the same text, whatever was rendered before', async () => {
    const once = await renderer.render(nodeWithPods);
    await renderer.render(hostile);
    const again = await renderer.render(nodeWithPods);
    expect(again).toBe(once);
  });

  it('fails a diagram that times out with SvgRenderError, then renders the next one', async () => {
    const error = await renderer.render(nodeWithPods, { timeoutMs: 1 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SvgRenderError);
    expect((error as Error).message).toBe('Rendering the diagram timed out after 1 ms.');
    expect(await renderer.render(hostile)).toContain('<svg');
  });

  it('fails a diagram Mermaid cannot parse with SvgRenderError, then renders the next one', async () => {
    const error = await renderer.render('flowchart LR\n  a[unclosed\n').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SvgRenderError);
    expect((error as Error).message).toMatch(
      /^Mermaid could not render the diagram: .*Parse error on line \d+\.$/,
    );
    expect(await renderer.render(hostile)).toContain('<svg');
  });

  it('loads nothing from the network: what a label asks for is aborted, the diagram still renders', async () => {
    await renderer.render(nodeWithPods); // the first lane's page is the one watched below
    const page = firstPage(renderer);
    const finished: string[] = [];
    const failed: string[] = [];
    page.on('requestfinished', (request) => finished.push(request.url()));
    page.on('requestfailed', (request) => failed.push(`${request.url()} ${request.failure()?.errorText}`));
    const external = 'https://example.com/tracker.png';
    const svg = await renderer.render(`flowchart LR\n  a["<img src='${external}'/> label"] --> b\n`);
    expect(visibleText(svg)).toContain('label');
    await new Promise((settle) => setTimeout(settle, 300));
    expect(failed).toContain(`${external} net::ERR_BLOCKED_BY_CLIENT.Inspector`);
    expect(finished.filter((url) => !url.startsWith('https://topodoc.invalid/'))).toEqual([]);
    expect(renderer.blockedRequests).toContain(external);
  });

  it('renders diagrams started together in several pages, each SVG as when rendered alone', async () => {
    const texts = [nodeWithPods, hostile, ...(await Promise.all(GALLERY.map(mermaidOfExample)))];
    const alone: string[] = [];
    for (const text of texts) alone.push(await renderer.render(text));
    const together = await Promise.all([...texts, ...texts].map((text) => renderer.render(text)));
    expect(together).toEqual([...alone, ...alone]);
    expect(renderer.openPages).toBe(MAX_PAGES);
  });

  it('recovers when the page crashes or the browser dies: that diagram fails alone', async () => {
    // Reaches into the renderer to crash what it holds; nothing else can.
    await firstPage(renderer)
      .goto('chrome://crash')
      .catch(() => undefined);
    await expectFailureThenRecovery(renderer, nodeWithPods);
    (renderer as unknown as { chromium: ChromiumProcess }).chromium.kill();
    await expectFailureThenRecovery(renderer, nodeWithPods);
  });

  it('opens a fresh page when the renderer process dies while Mermaid loads, instead of waiting out the timeout', async () => {
    // Reaches in: the lane's page is dropped, and the renderer processes are killed (as the
    // kernel's out-of-memory killer would) when the new page first asks for Mermaid's module.
    const inside = renderer as unknown as {
      chromium: ChromiumProcess;
      discardPage(lane: number): Promise<void>;
      answer(request: HTTPRequest): Promise<void>;
    };
    await inside.discardPage(0);
    const answer = inside.answer.bind(renderer);
    let killed: number[] | undefined;
    inside.answer = async (request) => {
      if (killed === undefined && mermaidModuleFile(request.url()) !== undefined) {
        killed = rendererProcesses(inside.chromium.pid as number);
        for (const pid of killed) process.kill(pid, 'SIGKILL');
      }
      return answer(request);
    };
    try {
      expect(await renderer.render(nodeWithPods)).toContain('<svg');
    } finally {
      inside.answer = answer;
    }
    expect(killed?.length).toBeGreaterThan(0);
  }, 120_000);
});

describe.skipIf(browser === undefined)(`SvgRenderer.connect with Chromium${skipped}`, () => {
  it('opens its own page when the renderer of the page the browser started with dies as puppeteer attaches to it', async () => {
    const chromium = spawnChromium(browser as string);
    // Reaches into the pipe: puppeteer's first request for the start page's network events is held
    // until the page's renderer process is up, which is then killed: the request never gets an answer.
    const send = chromium.transport.send.bind(chromium.transport);
    let killed: number[] | undefined;
    chromium.transport.send = (message) => {
      if (killed !== undefined || !message.includes('"Network.enable"')) return send(message);
      killed = [];
      void (async () => {
        for (let tries = 0; killed.length === 0 && tries < 1_000; tries++) {
          await new Promise((resolve) => setTimeout(resolve, 10));
          killed = rendererProcesses(chromium.pid as number);
        }
        for (const pid of killed) process.kill(pid, 'SIGKILL');
        send(message);
      })();
    };
    const renderer = await SvgRenderer.connect(chromium, {
      executablePath: browser as string,
      timeoutMs: 30_000,
    });
    try {
      expect(await renderer.render('flowchart LR\n  a --> b\n')).toContain('<svg');
    } finally {
      await renderer.close();
    }
    expect(killed?.length).toBeGreaterThan(0);
  }, 120_000);

  it('starts the browser again when it froze: after the render that timed out, the next one is drawn', async () => {
    const chromium = spawnChromium(browser as string);
    const renderer = await SvgRenderer.connect(chromium, {
      executablePath: browser as string,
      timeoutMs: 30_000,
    });
    try {
      expect(await renderer.render('flowchart LR\n  a --> b\n')).toContain('<svg');
      process.kill(-(chromium.pid as number), 'SIGSTOP'); // the browser and its renderers frozen, still connected
      const frozen = await renderer
        .render('flowchart LR\n  c --> d\n', { timeoutMs: 2_000 })
        .catch((error: unknown) => error);
      expect(frozen).toBeInstanceOf(SvgRenderError);
      expect((frozen as Error).message).toBe('Rendering the diagram timed out after 2000 ms.');
      // Without the restart this waits out the 60 s startup timeout on the frozen browser.
      expect(await renderer.render('flowchart LR\n  e --> f\n', { timeoutMs: 20_000 })).toContain('<svg');
    } finally {
      await renderer.close();
    }
    expect(existsSync(chromium.profileDir)).toBe(false);
  }, 50_000);
});

/** The renderer processes of the browser whose process group is `group`. */
function rendererProcesses(group: number): number[] {
  return runningProcesses()
    .filter((each) => each.group === group && each.commandLine.includes('--type=renderer'))
    .map((each) => each.pid);
}

/** The page of the renderer's first lane (reached into: nothing else can crash or watch it). */
function firstPage(renderer: SvgRenderer): Page {
  const lanes = (renderer as unknown as { lanes: ({ page: Page } | undefined)[] }).lanes;
  const first = lanes[0];
  if (first === undefined) throw new Error('the first lane has no page');
  return first.page;
}

/**
 * The next render either fails with SvgRenderError or succeeds; the one after succeeds. A browser
 * killed while a lane opens its page fails that render as "Could not load Mermaid".
 */
async function expectFailureThenRecovery(renderer: SvgRenderer, text: string): Promise<void> {
  const first = await renderer.render(text, { timeoutMs: 10_000 }).catch((caught: unknown) => caught);
  if (typeof first !== 'string') {
    expect(first).toBeInstanceOf(SvgRenderError);
    expect((first as Error).message).toMatch(
      /^(The browser page crashed|The browser failed while rendering|Rendering the diagram timed out|Could not load Mermaid)/,
    );
  }
  expect(await renderer.render(text)).toContain('<svg');
}
