// The package's public API, used only through `src/index.ts` as `import … from 'topodoc'` would:
// text → syntax tree → model → diagnostics → views, reports, the document, a build and an embed.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  AsciiWidthError,
  analyzeFile,
  analyzeText,
  buildFiles,
  check,
  DEFAULT_CONFIG,
  type Diagnostic,
  embedMarkdown,
  FORMAT_NAMES,
  fileRange,
  formatReport,
  loadTopology,
  loadTopologyFromText,
  MODEL_ERROR_IDS,
  parse,
  RULES,
  renderAscii,
  renderClusterView,
  renderDocument,
  renderMermaid,
  renderNodeView,
  renderPodView,
  renderTreeView,
  ruleCatalog,
  sortDiagnostics,
  type ToolIo,
  type Topology,
  UserError,
} from '../../src/index.js';

const SOURCE = `title "API tour"
machine worker-1 "NODE (machine)" {
  ip 192.168.56.11
  pod-cidr 10.0.0.0/24
  process kubelet
  process containerd
  pod web "POD 1" {
    ip 10.0.0.5
    volume cache { type emptyDir }
    container app "app container" { image "nginx"; listen 8080 }
  }
}
`;

function silentIo(cwd: string): ToolIo & { out: string[] } {
  const out: string[] = [];
  const stream = { write: (text: string) => void out.push(text), isTTY: false };
  return { cwd, env: { PATH: '' }, stdout: stream, stderr: stream, readStdin: async () => '', out };
}

describe('public API: one stage at a time', () => {
  it('parses text into a syntax tree with no syntax errors', () => {
    const { document, diagnostics } = parse(SOURCE, 'tour.topo');
    expect(diagnostics).toEqual([]);
    expect(document.type).toBe('Document');
    expect(document.body.map((statement) => statement.type)).toEqual(['Property', 'Block']);
  });

  it('reports syntax errors as `syntax` diagnostics with positions', () => {
    const { diagnostics } = parse('machine m {\n  process p\n', 'broken.topo');
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.every((d) => d.ruleId === 'syntax' && d.file === 'broken.topo')).toBe(true);
    expect(diagnostics[0]?.range.start.line).toBeGreaterThanOrEqual(1);
  });

  it('keeps offsets in the model and shows them as file, line and column', async () => {
    const { model } = await loadTopologyFromText(SOURCE, 'tour.topo', { cwd: '/virtual' });
    const pod = model.cluster.machines[0]?.pods[0];
    if (pod === undefined) throw new Error('the model lost its pod');
    expect(SOURCE.slice(pod.loc.start, pod.loc.end)).toBe('pod web "POD 1"');
    expect(fileRange(pod.loc)).toEqual({
      file: 'tour.topo',
      range: { start: { line: 7, column: 3, offset: 136 }, end: { line: 7, column: 18, offset: 151 } },
    });
  });

  it('loads the model, runs the rules and renders every view', async () => {
    const loaded = await loadTopologyFromText(SOURCE, 'tour.topo', { cwd: '/virtual' });
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.hasSyntaxErrors).toBe(false);
    const model: Topology = loaded.model;
    const machine = model.cluster.machines[0];
    const pod = machine?.pods[0];
    if (machine === undefined || pod === undefined) throw new Error('the model lost its machine or pod');
    expect(machine.name).toBe('worker-1');

    const findings: Diagnostic[] = check(model);
    expect(findings).toEqual(sortDiagnostics(findings));
    expect(findings.map((d) => d.ruleId)).toEqual(
      expect.arrayContaining(['control-plane-incomplete', 'image-unpinned', 'volume-unused']),
    );
    expect(check(model, { rules: { 'image-unpinned': 'off' } }).map((d) => d.ruleId)).not.toContain(
      'image-unpinned',
    );
    expect(RULES.map((rule) => rule.meta.id)).toContain('image-unpinned');
    expect(MODEL_ERROR_IDS).toContain('unresolved-reference');

    expect(renderTreeView(machine)).toContain('NODE (machine)');
    expect(renderNodeView(machine, { charset: 'ascii' })).toMatch(/^\+-/);
    expect(renderPodView(pod)).toContain('app container');
    expect(renderClusterView(model)).toContain('POD 1');
    expect(renderAscii(model, { views: ['tree'] })).toBe(renderTreeView(machine));
    expect(() => renderNodeView(machine, { width: 8 })).toThrow(AsciiWidthError);
    expect(renderMermaid(model)).toMatch(/^flowchart /);
    const markdown = renderDocument(model, { sourcePath: 'tour.topo', warnings: findings });
    expect(markdown).toMatch(/^# API tour\n/);
    expect(markdown).toContain('image-unpinned');
  });

  it('analyses text in one call and formats the findings in every format', async () => {
    const analysis = await analyzeText(SOURCE, 'tour.topo', { cwd: '/virtual', config: DEFAULT_CONFIG });
    expect(analysis.file).toBe('tour.topo');
    expect(analysis.errorCount).toBeGreaterThan(0);
    expect(analysis.renderable).toBe(false);
    expect(analysis.warningCount).toBe(analysis.diagnostics.filter((d) => d.severity === 'warning').length);
    for (const format of FORMAT_NAMES) {
      const report = formatReport(format, {
        diagnostics: analysis.diagnostics,
        sources: analysis.sources,
        files: [analysis.file],
        rules: ruleCatalog(),
        toolVersion: '0.0.0',
        color: false,
      });
      expect(report, format).toContain('control-plane-incomplete');
    }
  });
});

describe('public API: files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'topodoc-api-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'package.json'), '{"private": true}\n');
  writeFileSync(
    join(dir, 'tour.topo'),
    `# topodoc-disable control-plane-incomplete, image-unpinned, volume-unused -- a tour\n${SOURCE}`,
  );

  it('loads and analyses a file, and refuses a missing one with a UserError', async () => {
    const loaded = await loadTopology('tour.topo', { cwd: dir });
    expect([...loaded.sources.keys()]).toEqual(['tour.topo']);
    const analysis = await analyzeFile('tour.topo', { cwd: dir, config: DEFAULT_CONFIG });
    expect(analysis.errorCount).toBe(0);
    expect(analysis.renderable).toBe(true);
    await expect(loadTopology('missing.topo', { cwd: dir })).rejects.toThrow(UserError);
  });

  it('builds the document and the Mermaid source', async () => {
    const io = silentIo(dir);
    const result = await buildFiles([join(dir, 'tour.topo')], {
      io,
      outDir: join(dir, 'out'),
      config: DEFAULT_CONFIG,
      svgMode: 'off',
    });
    const entry = join(dir, 'tour.topo');
    expect(result).toEqual({
      exitCode: 0,
      written: ['out/tour.md', 'out/tour.mmd'],
      changes: [],
      inputs: new Map([[entry, [entry]]]),
      outputs: new Map([[entry, [join(dir, 'out/tour.md'), join(dir, 'out/tour.mmd')]]]),
    });
    expect(readFileSync(join(dir, 'out/tour.mmd'), 'utf8')).toBe(
      renderMermaid((await loadTopology('tour.topo', { cwd: dir })).model),
    );
  });

  it('embeds a view between markers', async () => {
    const { model } = await loadTopology('tour.topo', { cwd: dir });
    const markdown = 'Intro\n\n<!-- topodoc:begin src=tour.topo view=tree -->\n<!-- topodoc:end -->\n';
    const result = await embedMarkdown(markdown, async () => model);
    expect(result.problems).toEqual([]);
    expect(result.regions).toEqual([{ line: 3, src: 'tour.topo', view: 'tree', changed: true }]);
    const [machine] = model.cluster.machines;
    if (machine === undefined) throw new Error('the model lost its machine');
    expect(result.text).toContain(renderTreeView(machine));
  });
});
