// The overview's size budget: a topology over it is drawn as a summary (machines with what runs
// on them, connections counted between machines), and the document and build add each machine's
// own diagram, so no overview is ever an error picture or unreadable.

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateCluster } from '../../bench/generate.js';
import { containmentViolations } from '../../bench/svg-layout.js';
import { buildFiles } from '../../src/build/index.js';
import { DEFAULT_CONFIG } from '../../src/config/types.js';
import { renderDocument } from '../../src/render/markdown/index.js';
import { renderMermaid, renderOverview } from '../../src/render/mermaid/index.js';
import { OVERVIEW_BUDGET, overviewBoxes } from '../../src/render/mermaid/summary.js';
import { SvgRenderer } from '../../src/render/svg/index.js';
import { chromiumUnderTest } from '../helpers/chromium.js';
import { fakeIo } from '../helpers/io.js';
import { modelOf, unexpectedLines } from './mermaid-helpers.js';

describe('the overview budget', () => {
  it('keeps a small topology whole', async () => {
    const model = await modelOf(generateCluster(2, 4));
    expect(overviewBoxes(model)).toBeLessThanOrEqual(OVERVIEW_BUDGET.boxes);
    const overview = renderOverview(model);
    expect(overview.summary).toBe(false);
    expect(overview.text).toContain('subgraph pod_');
  });

  it('summarises a 2,000-pod cluster under Mermaid’s default text limit, one node per machine', async () => {
    const model = await modelOf(generateCluster(10, 2000));
    expect(overviewBoxes(model)).toBeGreaterThan(OVERVIEW_BUDGET.boxes);
    const overview = renderOverview(model);
    expect(overview.summary).toBe(true);
    expect(overview.text.length).toBeLessThan(OVERVIEW_BUDGET.characters);
    expect(overview.text).not.toContain('subgraph pod_');
    expect(overview.text).toContain('m_worker_h1["worker-1 · 192.168.0.10<br>200 pods · 3 processes"]');
    // 200 pods of worker-1 reach the database: one edge, counted.
    expect(overview.text).toContain('m_worker_h1 -->|"200 connections"| ext_');
    expect(overview.text).toContain('svc_web -.-> m_worker_h10');
    expect(unexpectedLines(overview.text)).toEqual([]);
    expect(renderMermaid(model)).toBe(overview.text);
  });

  it('gives each machine of a summarised topology its own diagram in the document', async () => {
    const model = await modelOf(generateCluster(3, 300));
    const document = renderDocument(model, { sourcePath: 'big.topo', svgFile: 'big.svg', views: [] });
    expect(document).toContain('too big for one readable picture');
    for (const name of ['worker-1', 'worker-2', 'worker-3']) {
      expect(document).toContain(`![Diagram of ${name}](big.${name}.svg)`);
    }
    const worker = model.cluster.machines[0];
    if (worker === undefined) throw new Error('no machine');
    expect(document).toContain(renderMermaid(model, { machine: worker }).trimEnd());
  });
});

describe('building a topology over the budget', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('writes the summary overview and one .mmd per machine', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'topodoc-summary-'));
    dirs.push(dir);
    const entry = join(dir, 'big.topo');
    writeFileSync(entry, generateCluster(3, 300));
    const { io, stderr } = fakeIo({ cwd: dir });
    const result = await buildFiles([entry], {
      io,
      outDir: join(dir, 'out'),
      config: DEFAULT_CONFIG,
      svgMode: 'off',
    });
    expect(stderr()).toBe('');
    expect(result.exitCode).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual([
      'big.md',
      'big.mmd',
      'big.worker-1.mmd',
      'big.worker-2.mmd',
      'big.worker-3.mmd',
    ]);
    expect(readFileSync(join(dir, 'out/big.worker-2.mmd'), 'utf8')).toContain('subgraph m_worker_h2[');
    expect(readFileSync(join(dir, 'out/big.mmd'), 'utf8')).not.toContain('subgraph m_worker_h2[');
  });

  it("refuses to write a machine's diagram over another input's document, and writes nothing for it", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'topodoc-summary-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'big.topo'), generateCluster(3, 300));
    const other = 'machine n { ip 10.1.0.1 }\n';
    writeFileSync(join(dir, 'big.worker-2.topo'), other);
    const { io, stderr } = fakeIo({ cwd: dir });
    const result = await buildFiles([join(dir, 'big.topo'), join(dir, 'big.worker-2.topo')], {
      io,
      outDir: join(dir, 'out'),
      config: DEFAULT_CONFIG,
      svgMode: 'off',
    });
    expect(result.exitCode).toBe(1);
    const line =
      generateCluster(3, 300)
        .split('\n')
        .findIndex((text) => text.includes('machine worker-2 ')) + 1;
    expect(stderr()).toContain(
      `big.topo:${line}:11: error: the diagram of machine worker-2 would be written to out/big.worker-2.mmd, which big.worker-2.topo also writes, so nothing was written for big.topo; rename the machine or one of the files.\n`,
    );
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['big.worker-2.md', 'big.worker-2.mmd']);
    expect(readFileSync(join(dir, 'out/big.worker-2.mmd'), 'utf8')).toContain('10.1.0.1');
  });
});

const { browser, skipReason } = chromiumUnderTest(process.env, 'summary containment tests');

describe.skipIf(browser === undefined)(`pictures of growing clusters with Chromium${skipReason}`, () => {
  let renderer: SvgRenderer;
  beforeAll(async () => {
    renderer = await SvgRenderer.launch({ executablePath: browser as string, timeoutMs: 60_000 });
  }, 90_000);
  afterAll(async () => {
    await renderer?.close();
  });

  it.each([
    [2, 6],
    [4, 40],
    [10, 200],
  ])(
    '%i machines, %i pods: every box inside its parent, overview and each machine',
    async (nodes, pods) => {
      const model = await modelOf(generateCluster(nodes, pods));
      const diagrams = [
        renderMermaid(model),
        ...model.cluster.machines.map((machine) => renderMermaid(model, { machine })),
      ];
      for (const mermaid of diagrams) {
        const svg = await renderer.render(mermaid);
        expect(containmentViolations(mermaid, svg)).toEqual([]);
      }
    },
    120_000,
  );
});
