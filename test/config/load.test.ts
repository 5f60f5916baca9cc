// Config discovery (topodoc.config.json or package.json "topodoc", walking up), validation with
// messages that name the bad key, and the defaults.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { DEFAULT_CONFIG } from '../../src/config/types.js';
import { UserError } from '../../src/errors.js';

const RULE_IDS = ['image-unpinned', 'pod-empty', 'pod-port-conflict'];
const MODEL_IDS = ['syntax', 'duplicate-name'];

/** A temporary tree: `files` maps relative paths to contents (objects become JSON). */
function tree(files: Record<string, unknown>): string {
  const root = mkdtempSync(join(tmpdir(), 'topodoc-config-'));
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, typeof content === 'string' ? content : JSON.stringify(content));
  }
  return root;
}

function load(cwd: string) {
  return loadConfig(cwd, RULE_IDS, MODEL_IDS);
}

function loadError(cwd: string): UserError {
  try {
    load(cwd);
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('finding the config', () => {
  it('uses the defaults when there is no config', () => {
    const root = tree({ 'a/.keep': '' });
    expect(load(join(root, 'a'))).toEqual(DEFAULT_CONFIG);
  });

  it('finds topodoc.config.json in a parent directory and merges it onto the defaults', () => {
    const root = tree({
      'topodoc.config.json': { rules: { 'pod-empty': 'warn' }, ascii: { width: 100 } },
      'docs/deep/.keep': '',
    });
    const config = load(join(root, 'docs/deep'));
    expect(config.rules).toEqual({ 'pod-empty': 'warn' });
    expect(config.ascii).toEqual({ width: 100, charset: 'unicode' });
    expect(config.outDir).toBe('out');
    expect(config.source).toBe(join(root, 'topodoc.config.json'));
  });

  it('finds the "topodoc" key of package.json, skipping package.json files without it', () => {
    const root = tree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'package.json': { name: 'outer', topodoc: { outDir: 'site', views: ['tree', 'pod'] } },
      'inner/package.json': { name: 'inner' },
      'inner/src/.keep': '',
    });
    const config = load(join(root, 'inner/src'));
    expect(config.outDir).toBe('site');
    expect(config.views).toEqual(['tree', 'pod']);
    expect(config.source).toBe(join(root, 'package.json'));
  });

  it('prefers topodoc.config.json over package.json in one directory, and the nearest directory overall', () => {
    const root = tree({
      'topodoc.config.json': { outDir: 'far' },
      'near/package.json': { topodoc: { outDir: 'package' } },
      'near/topodoc.config.json': { outDir: 'config' },
    });
    expect(load(join(root, 'near')).outDir).toBe('config');
    const other = tree({
      'topodoc.config.json': { outDir: 'far' },
      'near/package.json': { topodoc: { outDir: 'pkg' } },
    });
    expect(load(join(other, 'near')).outDir).toBe('pkg');
  });
});

describe('the config search ends at the project', () => {
  it('never obeys a config above the nearest package.json (no repository)', () => {
    const root = tree({
      'topodoc.config.json': { outDir: 'hijacked', svg: { browser: '/tmp/evil' } },
      'project/package.json': { name: 'project' },
      'project/docs/.keep': '',
    });
    expect(load(join(root, 'project/docs')).source).toBeUndefined();
    expect(load(join(root, 'project/docs')).outDir).toBe('out');
  });

  it('never obeys a config above the repository root', () => {
    const root = tree({
      'topodoc.config.json': { outDir: 'hijacked' },
      'repo/.git/HEAD': 'ref: refs/heads/main\n',
      'repo/src/.keep': '',
    });
    expect(load(join(root, 'repo/src')).outDir).toBe('out');
  });
});

describe('invalid config: one sentence, exit 2, naming the key', () => {
  it.each([
    [{ outdir: 'x' }, 'Invalid config in topodoc.config.json: unknown key "outdir"; did you mean `outDir`?'],
    [
      { ascii: { colour: true } },
      'Invalid config in topodoc.config.json: unknown key "ascii.colour"; allowed: width, charset.',
    ],
    [
      { svg: { browsr: 'x' } },
      'Invalid config in topodoc.config.json: unknown key "svg.browsr"; did you mean `browser`?',
    ],
    [
      { zzz: 1 },
      'Invalid config in topodoc.config.json: unknown key "zzz"; allowed: rules, outDir, ascii, views, svg.',
    ],
    [{ ascii: { width: 5 } }, 'Invalid config in topodoc.config.json: "ascii.width" must be >= 20.'],
    [
      { ascii: { charset: 'fancy' } },
      'Invalid config in topodoc.config.json: "ascii.charset" must be one of "unicode", "ascii".',
    ],
    [
      { outDir: 5, views: ['x'], zzz: 1 },
      'Invalid config in topodoc.config.json: unknown key "zzz"; allowed: rules, outDir, ascii, views, svg; "outDir" must be a string; "views[0]" must be one of "tree", "node", "pod", "cluster", "services".',
    ],
    [
      { views: ['tree', 'map'] },
      'Invalid config in topodoc.config.json: "views[1]" must be one of "tree", "node", "pod", "cluster", "services".',
    ],
    [
      { rules: { 'pod-empty': 'warning' } },
      'Invalid config in topodoc.config.json: "rules.pod-empty" must be one of "off", "warn", "error".',
    ],
    [
      { rules: { 'pod-emtpy': 'off' } },
      'Invalid config in topodoc.config.json: unknown rule "rules.pod-emtpy"; did you mean `pod-empty`?',
    ],
    [
      { rules: { 'duplicate-name': 'off' } },
      'Invalid config in topodoc.config.json: "rules.duplicate-name" is a model error, which is always an error and cannot be configured.',
    ],
    [[], 'Invalid config in topodoc.config.json: the config must be an object.'],
  ])('%j', (config, message) => {
    const error = loadError(tree({ 'topodoc.config.json': config }));
    expect(error.message).toBe(message);
    expect(error.exitCode).toBe(2);
  });

  it('names the package.json key and the path relative to the cwd', () => {
    const root = tree({ 'package.json': { topodoc: { svg: { mode: 'always' } } }, 'sub/.keep': '' });
    expect(loadError(join(root, 'sub')).message).toBe(
      'Invalid config in ../package.json ("topodoc" key): "svg.mode" must be one of "auto", "required", "off".',
    );
  });

  it('reports a file that is not JSON', () => {
    const error = loadError(tree({ 'topodoc.config.json': '{ "rules": ' }));
    expect(error.message).toMatch(/^Cannot parse topodoc\.config\.json as JSON: .+\.$/);
    expect(error.exitCode).toBe(2);
  });

  it('accepts a BOM and a $schema key', () => {
    const root = tree({
      'topodoc.config.json': `\uFEFF${JSON.stringify({ $schema: './schema.json', outDir: 'x' })}`,
    });
    expect(load(root).outDir).toBe('x');
  });
});
