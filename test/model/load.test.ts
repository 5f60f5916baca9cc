import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { loadTopology, loadTopologyFromText } from '../../src/model/index.js';
import { dumpDiagnostics } from './dump.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const EXAMPLES = path.join(REPO, 'examples');
const FIXTURES = path.join(REPO, 'test/fixtures/model');

/** A file system in memory; records every path read. */
function memoryFiles(files: Record<string, string | Uint8Array>) {
  const read: string[] = [];
  const readFile = async (absolutePath: string) => {
    read.push(absolutePath);
    const content = files[absolutePath];
    if (content === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
    return content;
  };
  return { read, readFile };
}

describe('loadTopology', () => {
  it.each(readdirSync(EXAMPLES).filter((name) => name.endsWith('.topo')))(
    'loads examples/%s without diagnostics',
    async (name) => {
      const result = await loadTopology(path.join('examples', name), { cwd: REPO });
      expect(dumpDiagnostics(result)).toEqual([]);
      expect(result.hasSyntaxErrors).toBe(false);
      expect(result.model.file).toBe(`examples/${name}`);
      // Every example draws something: machines, or (manifests without nodes) workloads.
      const { machines, workloads } = result.model.cluster;
      expect(machines.length + workloads.length).toBeGreaterThan(0);
    },
  );

  it('refuses a missing entry file with one sentence', async () => {
    const error = await loadTopology('nope/missing.topo', { cwd: REPO }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).exitCode).toBe(2);
    expect((error as UserError).message).toBe('Cannot read nope/missing.topo: no such file.');
  });

  it('refuses a directory as entry', async () => {
    const error = await loadTopology('examples', { cwd: REPO }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe('Cannot read examples: it is a directory, not a .topo file.');
  });

  it('shows paths relative to cwd with / separators and records every source read', async () => {
    const result = await loadTopology(path.join(FIXTURES, 'import-diamond/input.topo'), { cwd: FIXTURES });
    expect(result.model.files).toEqual([
      'import-diamond/input.topo',
      'import-diamond/left.topo',
      'import-diamond/bottom.topo',
      'import-diamond/right.topo',
    ]);
    expect([...result.sources.keys()]).toEqual(result.model.files);
    expect(result.sources.get('import-diamond/bottom.topo')).toContain('machine bottom');
  });

  it('never reads a file refused for being outside the project root', async () => {
    const files = memoryFiles({
      '/virtual/project/topodoc.config.json': '{}',
      '/virtual/project/input.topo': 'import "../secret.topo"\nmachine m1\n',
      '/virtual/secret.topo': 'machine secret\n',
    });
    const result = await loadTopology('/virtual/project/input.topo', {
      cwd: '/virtual',
      readFile: files.readFile,
    });
    expect(files.read).toEqual(['/virtual/project/input.topo']);
    expect(dumpDiagnostics(result)).toEqual([
      'project/input.topo:1:1-1:24: error cannot import "../secret.topo": it is outside the project root (project); pass --allow-outside-root to allow it [import-error]',
    ]);
    expect(result.model.cluster.machines.map((machine) => machine.name)).toEqual(['m1']);
  });

  it('reports only syntax errors when a file has them, and still returns a model', async () => {
    const files = memoryFiles({
      '/virtual/input.topo': 'import "part.topo"\nmachine m1 { imgae "x" }\n',
      '/virtual/part.topo': 'machine m2 {\n  process p @\n}\n',
    });
    const result = await loadTopology('/virtual/input.topo', { cwd: '/virtual', readFile: files.readFile });
    expect(result.hasSyntaxErrors).toBe(true);
    expect(result.diagnostics.length).toBeGreaterThan(0);
    expect(result.diagnostics.every((diagnostic) => diagnostic.ruleId === 'syntax')).toBe(true);
    expect(result.diagnostics.every((diagnostic) => diagnostic.file === 'part.topo')).toBe(true);
    expect(result.model.cluster.machines.map((machine) => machine.name)).toContain('m1');
  });

  it('reports invalid UTF-8 as a syntax error at the bad byte', async () => {
    const bytes = Uint8Array.from([
      ...new TextEncoder().encode('machine m1 {\n  note "caf'),
      0xe9,
      0x22,
      0x0a,
      0x7d,
    ]);
    const files = memoryFiles({ '/virtual/input.topo': bytes });
    const result = await loadTopology('/virtual/input.topo', { cwd: '/virtual', readFile: files.readFile });
    expect(result.hasSyntaxErrors).toBe(true);
    expect(dumpDiagnostics(result)).toEqual([
      'input.topo:2:12-2:13: error invalid UTF-8 byte sequence; the file must be UTF-8 encoded [syntax]',
    ]);
    expect(result.sources.get('input.topo')).toBe('machine m1 {\n  note "caf\uFFFD"\n}');
  });

  it('lists suppressions file by file in the order the files are read, an importer before its imports', async () => {
    const files = memoryFiles({
      '/virtual/input.topo':
        '# topodoc-disable pod-empty -- entry\nimport "part.topo"\n# topodoc-disable-next-line image-unpinned -- entry, later\nmachine m1\n',
      '/virtual/part.topo': '# topodoc-disable-next-line volume-unused -- part\nmachine m2\n',
    });
    const result = await loadTopology('/virtual/input.topo', { cwd: '/virtual', readFile: files.readFile });
    expect(result.model.suppressions.map((suppression) => suppression.reason)).toEqual([
      'entry',
      'entry, later',
      'part',
    ]);
  });

  it('reads an imported file again after a syntax error stopped the first reading, and only then', async () => {
    const files = memoryFiles({
      '/virtual/input.topo': 'import "part.topo"\nmachine m1\n',
      '/virtual/part.topo': 'machine m2\n',
    });
    await loadTopology('/virtual/input.topo', { cwd: '/virtual', readFile: files.readFile });
    expect(files.read).toEqual(['/virtual/input.topo', '/virtual/part.topo']);
    files.read.length = 0;
    const broken = memoryFiles({
      '/virtual/input.topo': 'import "part.topo"\nmachine m1 {\n',
      '/virtual/part.topo': 'machine m2\n',
    });
    const result = await loadTopology('/virtual/input.topo', { cwd: '/virtual', readFile: broken.readFile });
    expect(broken.read).toEqual(['/virtual/input.topo', '/virtual/part.topo', '/virtual/part.topo']);
    expect(dumpDiagnostics(result)).toEqual([
      'input.topo:2:12-2:13: error expected `}` to close `machine m1` opened at line 2 [syntax]',
    ]);
    expect(result.model.cluster.machines.map((machine) => machine.name)).toEqual(['m2', 'm1']);
  });

  it('reports an unreadable import at the import statement', async () => {
    const files = memoryFiles({ '/virtual/input.topo': 'machine m1\nimport "gone.topo"\n' });
    const result = await loadTopology('/virtual/input.topo', { cwd: '/virtual', readFile: files.readFile });
    expect(dumpDiagnostics(result)).toEqual([
      'input.topo:2:1-2:19: error cannot import "gone.topo": no such file [import-error]',
    ]);
  });
});

describe('loadTopology: files that are not .topo text', () => {
  const png = Uint8Array.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 0x10,
  ]);

  it('refuses an entry it may not read in one sentence, in words', async () => {
    const readFile = async () =>
      Promise.reject(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }));
    const error = await loadTopology('/virtual/locked.topo', { cwd: '/virtual', readFile }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe('Cannot read locked.topo: permission denied.');
  });

  it('refuses a binary entry in one sentence instead of a flood of syntax errors', async () => {
    const files = memoryFiles({ '/virtual/image.topo': png });
    const error = await loadTopology('/virtual/image.topo', {
      cwd: '/virtual',
      readFile: files.readFile,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).exitCode).toBe(2);
    expect((error as UserError).message).toBe(
      'Cannot read image.topo: it looks like a binary file, not UTF-8 text.',
    );
  });

  it('reports a binary import at the import statement', async () => {
    const files = memoryFiles({ '/virtual/input.topo': 'import "logo.png"\n', '/virtual/logo.png': png });
    const result = await loadTopology('/virtual/input.topo', { cwd: '/virtual', readFile: files.readFile });
    expect(dumpDiagnostics(result)).toEqual([
      'input.topo:1:1-1:18: error cannot import "logo.png": it looks like a binary file, not UTF-8 text [import-error]',
    ]);
  });

  it('keeps a text file with a stray NUL byte as text: a syntax error points at the byte', async () => {
    const files = memoryFiles({ '/virtual/input.topo': 'machine m1 {\n  process p\u0000\n}\n' });
    const result = await loadTopology('/virtual/input.topo', { cwd: '/virtual', readFile: files.readFile });
    expect(dumpDiagnostics(result)).toEqual([
      'input.topo:2:12-2:13: error unexpected character U+0000 [syntax]',
    ]);
  });
});

describe('loadTopologyFromText', () => {
  it('resolves imports relative to the display path and keeps the text as a source', async () => {
    const files = memoryFiles({ '/virtual/dir/shared.topo': 'machine shared { process agent }\n' });
    const text = 'import "shared.topo"\nmachine m1 { process p { connect shared.agent } }\n';
    const result = await loadTopologyFromText(text, 'dir/stdin.topo', {
      cwd: '/virtual',
      readFile: files.readFile,
    });
    expect(dumpDiagnostics(result)).toEqual([]);
    expect(result.sources.get('dir/stdin.topo')).toBe(text);
    expect(result.model.files).toEqual(['dir/stdin.topo', 'dir/shared.topo']);
    const endpoint = result.model.connections[0]?.endpoint;
    expect(endpoint?.kind === 'path' && endpoint.target?.path).toBe('shared/agent');
  });

  it('treats an import of the text itself as a cycle', async () => {
    const files = memoryFiles({});
    const result = await loadTopologyFromText('import "self.topo"\nmachine m1\n', 'self.topo', {
      cwd: '/virtual',
      readFile: files.readFile,
    });
    expect(files.read).toEqual([]);
    expect(dumpDiagnostics(result)).toEqual([
      'self.topo:1:1-1:19: error import cycle: self.topo → self.topo; this import is ignored [import-error]',
    ]);
  });
});
