// One input rule for every command (issue 15, item 6): a directory or glob stands for its `.topo`
// documents, leaving out fragments another input imports; `check DIR` and `check -` work like
// `build DIR` and `render -`; `render DIR` takes a directory holding one document; `build -` is
// refused in one sentence.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { noBrowserEnv, project } from '../build/helpers.js';
import { fakeIo } from '../helpers/io.js';

async function topodoc(cwd: string, argv: string[], stdin = '') {
  const fake = fakeIo({ cwd, env: noBrowserEnv(), stdin });
  const code = await run(argv, fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

/** A worker node: alone it is a cluster without a control plane (an error). */
const WORKER = 'machine worker {\n  process kubelet\n  process containerd\n  process kube-proxy\n}\n';
/** Imports the worker and adds the control plane: clean. */
const APP =
  'title "App"\nimport "shared/worker.topo"\n\nmachine control {\n  process etcd\n  process kube-apiserver\n  process kube-scheduler\n  process kube-controller-manager\n}\n';
const OTHER = 'title "Other"\n\nmachine laptop {\n  process browser\n}\n';

function app(extra: Record<string, string> = {}): string {
  return project({ 'topo/app.topo': APP, 'topo/shared/worker.topo': WORKER, ...extra });
}

describe('a directory or glob leaves out the fragments its documents import', () => {
  it('build DIR writes documents only for the files nothing imports', async () => {
    const cwd = app({ 'topo/other.topo': OTHER });
    expect(await topodoc(cwd, ['build', 'topo', '--svg', 'off'])).toMatchObject({ code: 0, stderr: '' });
    expect(readdirSync(join(cwd, 'out')).sort()).toEqual(['app.md', 'app.mmd', 'other.md', 'other.mmd']);
    expect(readFileSync(join(cwd, 'out/app.md'), 'utf8')).toContain('worker');
  });

  it('build with globs that match the fragment too leaves it out', async () => {
    const cwd = app();
    const result = await topodoc(cwd, ['build', 'topo/*.topo', 'topo/shared/*.topo', '--svg', 'off']);
    expect(result.code).toBe(0);
    expect(readdirSync(join(cwd, 'out')).sort()).toEqual(['app.md', 'app.mmd']);
  });

  it('build builds a fragment named on its own', async () => {
    const db = 'machine db {\n  process postgres\n}\n';
    const cwd = project({ 'shared/db.topo': db, 'app.topo': 'title "App"\nimport "shared/db.topo"\n' });
    const result = await topodoc(cwd, ['build', 'app.topo', 'shared/db.topo', '--svg', 'off']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(readdirSync(join(cwd, 'out')).sort()).toEqual(['app.md', 'app.mmd', 'db.md', 'db.mmd']);
  });

  it('check DIR checks the fragment as part of its importer, not alone', async () => {
    const cwd = app();
    expect(await topodoc(cwd, ['check', '-f', 'unix', 'topo'])).toEqual({ code: 0, stdout: '', stderr: '' });
    // Named on its own, the fragment is a document, and alone it lacks a control plane.
    const alone = await topodoc(cwd, ['check', '-f', 'unix', 'topo/app.topo', 'topo/shared/worker.topo']);
    expect(alone.code).toBe(1);
    expect(alone.stdout).toContain('topo/shared/worker.topo:1:1: error:');
    expect(alone.stdout).toContain('[control-plane-incomplete]');
  });

  it('files importing each other in a cycle all stay, so that the cycle is reported', async () => {
    const cwd = project({ 'a.topo': 'import "b.topo"\n', 'b.topo': 'import "a.topo"\n' });
    const result = await topodoc(cwd, ['check', '-f', 'unix', '.']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('import cycle');
  });
});

describe('standard input and single models', () => {
  it('check - reads one topology from stdin like render - and fmt -', async () => {
    const cwd = project();
    expect(await topodoc(cwd, ['check', '-f', 'unix', '-'], OTHER)).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
    const broken = await topodoc(cwd, ['check', '-f', 'unix', '-'], WORKER);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('<stdin>:1:1: error:');
  });

  it('render DIR draws the one document of a directory, its fragments included', async () => {
    const cwd = app();
    const byDirectory = await topodoc(cwd, ['render', '-t', 'mermaid', 'topo']);
    expect(byDirectory.code).toBe(0);
    expect(byDirectory).toEqual(await topodoc(cwd, ['render', '-t', 'mermaid', 'topo/app.topo']));
    expect(byDirectory.stdout).toContain('worker');
  });

  it('render DIR with several documents names them and asks for one', async () => {
    const cwd = app({ 'topo/other.topo': OTHER });
    expect(await topodoc(cwd, ['render', 'topo'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'topodoc render draws one model, but "topo" holds 2 documents (topo/app.topo, topo/other.topo); name one of them.\n',
    });
  });

  it.each(['build', 'watch'])('%s - is refused in one sentence', async (command) => {
    expect(await topodoc(project(), [command, '-'])).toEqual({
      code: 2,
      stdout: '',
      stderr: `topodoc ${command} names its outputs after each input file, so it cannot read standard input (-); \`topodoc render -\` prints a rendering of it.\n`,
    });
  });
});
