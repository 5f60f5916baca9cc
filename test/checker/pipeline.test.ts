// analyzeFile / analyzeText: syntax errors stand alone; model errors come with the rule findings
// but stop rendering; rule findings alone do not; counts; config and options reach the checker.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/types.js';
import { UserError } from '../../src/errors.js';
import { analyzeFile } from '../../src/pipeline/analyze.js';
import { analyzeSnippet } from './helpers.js';

/** A pod without containers on a machine without kubelet or runtime: three rule errors. */
const BROKEN_NODE = 'machine w {\n  pod p { ip 10.0.0.1 }\n}\n';

describe('analyzeText', () => {
  it('reports only syntax errors when there are any', async () => {
    const analysis = await analyzeSnippet(`${BROKEN_NODE}machine x { process @ }\n`);
    expect(analysis.diagnostics.length).toBeGreaterThan(0);
    expect(analysis.diagnostics.every((d) => d.ruleId === 'syntax')).toBe(true);
    expect(analysis.renderable).toBe(false);
    expect(analysis.errorCount).toBe(analysis.diagnostics.length);
  });

  it('reports model errors together with rule findings, and is not renderable', async () => {
    const analysis = await analyzeSnippet('machine w {\n  colour red\n  pod p { ip 10.0.0.1 }\n}\n');
    const bySource = (source: string) =>
      analysis.diagnostics.filter((d) => d.source === source).map((d) => d.ruleId);
    expect(bySource('model')).toEqual(['unknown-property']);
    expect(bySource('checker')).toEqual(['node-missing-kubelet', 'node-missing-runtime', 'pod-empty']);
    expect(analysis.renderable).toBe(false);
  });

  it('is not renderable with rule errors either, and counts errors and warnings', async () => {
    const analysis = await analyzeSnippet(
      `${BROKEN_NODE}machine v {\n  process kubelet\n  process containerd\n}\n`,
    );
    expect(analysis.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([
      ['node-missing-kubelet', 'error'],
      ['node-missing-runtime', 'error'],
      ['pod-empty', 'error'],
      ['control-plane-incomplete', 'error'],
      ['node-missing-kube-proxy', 'warning'],
    ]);
    expect([analysis.errorCount, analysis.warningCount, analysis.renderable]).toEqual([4, 1, false]);
    expect(analysis.file).toBe('snippet.topo');
  });

  it('applies the config and reports unused directives when asked', async () => {
    const text = `# topodoc-disable image-unpinned -- none here\n${BROKEN_NODE}`;
    const analysis = await analyzeSnippet(text, {
      rules: { 'node-missing-kubelet': 'warn', 'pod-empty': 'off' },
      reportUnusedDisableDirectives: true,
    });
    expect(analysis.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([
      ['unused-disable-directive', 'warning'],
      ['node-missing-kubelet', 'warning'],
      ['node-missing-runtime', 'error'],
    ]);
  });

  it('makes a directive naming an unknown rule a model error', async () => {
    const analysis = await analyzeSnippet(`# topodoc-disable pod-emty -- typo\n${BROKEN_NODE}`);
    const directive = analysis.diagnostics.find((d) => d.source === 'model');
    expect(directive?.ruleId).toBe('invalid-directive');
    expect(directive?.message).toContain('pod-empty');
  });
});

describe('analyzeFile', () => {
  it('reads the file and its imports, with paths relative to the cwd', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'topodoc-pipeline-'));
    writeFileSync(join(dir, 'package.json'), '{}\n');
    writeFileSync(join(dir, 'main.topo'), 'import "nodes.topo"\n');
    writeFileSync(join(dir, 'nodes.topo'), BROKEN_NODE);
    const analysis = await analyzeFile('main.topo', { cwd: dir, config: DEFAULT_CONFIG });
    expect(analysis.file).toBe('main.topo');
    expect([...analysis.sources.keys()]).toEqual(['main.topo', 'nodes.topo']);
    expect(new Set(analysis.diagnostics.map((d) => d.file))).toEqual(new Set(['nodes.topo']));
  });

  it('refuses a missing file with a UserError', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'topodoc-pipeline-'));
    await expect(analyzeFile('nope.topo', { cwd: dir, config: DEFAULT_CONFIG })).rejects.toBeInstanceOf(
      UserError,
    );
  });
});
