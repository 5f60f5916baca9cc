// The commands on manifests: `topodoc import` (stdin, -o, order, refusals, nothing written on
// errors) and `check`/`render` reading manifests directly, with findings pointing into the YAML.

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliIn } from './helpers.js';

const pod = (name: string, image: string, extra = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  nodeName: worker-1\n  containers:\n  - name: app\n    image: ${image}\n${extra}`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'topodoc-manifests-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function write(name: string, text: string | Uint8Array): string {
  writeFileSync(path.join(dir, name), text);
  return name;
}

describe('topodoc import', () => {
  it('reads standard input and names it in the comments', async () => {
    const result = await cliIn(dir, ['import', '-'], { stdin: pod('web', 'nginx:1.27') });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('# from Pod default/web, <stdin>:1\n  pod web {');
    expect(result.stderr).toBe('');
  });

  it('reads the files in the order given: a later object replaces an earlier one', async () => {
    write('a.yaml', pod('web', 'nginx:1.26'));
    write('b.yaml', pod('web', 'nginx:1.27'));
    const forward = await cliIn(dir, ['import', 'a.yaml', 'b.yaml']);
    const backward = await cliIn(dir, ['import', 'b.yaml', 'a.yaml']);
    expect(forward.stdout).toContain('image "nginx:1.27"');
    expect(forward.stdout).not.toContain('nginx:1.26');
    expect(backward.stdout).toContain('image "nginx:1.26"');
    expect(forward.stderr).toContain('Pod default/web is written twice');
  });

  it('reads a directory in sorted order and counts what it skips', async () => {
    write('b.yaml', pod('web', 'nginx:1.27'));
    write(
      'a.yml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n',
    );
    write('c.json', JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'd' } }));
    write('notes.txt', 'not a manifest');
    const result = await cliIn(dir, ['import', '.']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('topodoc: skipped 3 objects it does not model: 2 ConfigMap, 1 Secret.\n');
  });

  it('writes -o FILE, and on errors writes nothing and keeps the previous file', async () => {
    write('web.yaml', pod('web', 'nginx:1.27'));
    const written = await cliIn(dir, ['import', 'web.yaml', '-o', 'web.topo']);
    expect(written).toMatchObject({ code: 0, stdout: '' });
    const previous = readFileSync(path.join(dir, 'web.topo'), 'utf8');
    expect(previous).toContain('pod web {');

    write('web.yaml', pod('web', 'nginx:1.27', '    ports:\n    - containerPort: "80"\n'));
    const failed = await cliIn(dir, ['import', 'web.yaml', '-o', 'web.topo']);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toBe('');
    expect(failed.stderr).toContain('web.yaml');
    expect(failed.stderr).toContain('must be an integer, not the string "80"');
    expect(readFileSync(path.join(dir, 'web.topo'), 'utf8')).toBe(previous);
  });

  it('prints the same bytes every time', async () => {
    write('web.yaml', pod('web', 'nginx:1.27'));
    const first = await cliIn(dir, ['import', 'web.yaml']);
    const second = await cliIn(dir, ['import', 'web.yaml']);
    expect(second.stdout).toBe(first.stdout);
  });

  it.each([
    [['import'], /needs Kubernetes manifests/],
    [['import', 'missing.yaml'], /Cannot find the Kubernetes manifest "missing.yaml"/],
    [['import', 'x.topo'], /x.topo is a .topo file already/],
    [['import', '-', '-'], /reads standard input \(-\) once/],
  ])('refuses %j in one sentence with exit 2', async (argv, message) => {
    const result = await cliIn(dir, argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a binary file', async () => {
    write('blob.yaml', new Uint8Array([0, 1, 2, 3, 0, 5, 6, 7, 8, 0, 0, 0]));
    const result = await cliIn(dir, ['import', 'blob.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'Cannot read blob.yaml: it looks like a binary file, not YAML or JSON text.\n',
    );
  });

  it('reports invalid UTF-8 at its position and writes nothing', async () => {
    const bytes = Buffer.concat([
      Buffer.from(pod('web', 'nginx:1.27').replace('web', 'w')),
      Buffer.from([0xff]),
    ]);
    write('bad.yaml', bytes);
    const result = await cliIn(dir, ['import', 'bad.yaml']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('invalid UTF-8 byte sequence');
  });
});

describe('check and render on manifests', () => {
  it('checks a directory of manifests as one application, SARIF regions in the YAML', async () => {
    write('a.yaml', pod('web', 'nginx:latest'));
    write(
      'b.yaml',
      pod(
        'api',
        'example/api:1.0',
        '    ports:\n    - containerPort: 80\n  - name: sidecar\n    image: example/s:1\n    ports:\n    - containerPort: 80\n',
      ),
    );
    const result = await cliIn(dir, ['check', '.', '--format', 'sarif']);
    expect(result.code).toBe(1);
    const sarif = JSON.parse(result.stdout) as {
      runs: {
        results: {
          ruleId: string;
          locations: {
            physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
          }[];
        }[];
      }[];
    };
    const located = sarif.runs[0]?.results.map((r) => {
      const where = r.locations[0]?.physicalLocation;
      return `${r.ruleId} ${where?.artifactLocation.uri}:${where?.region.startLine}`;
    });
    expect(located).toContain('image-unpinned a.yaml:9');
    expect(located).toContain('pod-port-conflict b.yaml:15');
  });

  it('renders a live snapshot', async () => {
    const snapshot = path.resolve(
      import.meta.dirname,
      '../fixtures/manifests/cases/kind-snapshot/input/snapshot.yaml',
    );
    write('snapshot.yaml', readFileSync(snapshot));
    const result = await cliIn(dir, ['render', 'snapshot.yaml', '--view', 'tree']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/kind-worker2[\s\S]*web-5d9c7b8f6c-wq5rn/);
  });

  it('lets the config turn duplicate-object off or into an error', async () => {
    write('a.yaml', `${pod('web', 'nginx:1.27')}---\n${pod('web', 'nginx:1.27')}`);
    const warned = await cliIn(dir, ['check', 'a.yaml', '--format', 'unix']);
    expect(warned.stdout).toContain('warning: Pod default/web is written twice');
    const off = await cliIn(dir, ['check', 'a.yaml', '--format', 'unix', '--rule', 'duplicate-object=off']);
    expect(off.stdout).not.toContain('duplicate-object');
    const error = await cliIn(dir, [
      'check',
      'a.yaml',
      '--format',
      'unix',
      '--rule',
      'duplicate-object=error',
    ]);
    expect(error.stdout).toContain('error: Pod default/web is written twice');
  });

  it('stops at manifest errors: no rule runs on a half-read application', async () => {
    write('a.yaml', `${pod('web', 'nginx:latest')}---\nkind: Pod\n`);
    const result = await cliIn(dir, ['check', 'a.yaml', '--format', 'unix']);
    expect(result.stdout.trim().split('\n')).toEqual([
      'a.yaml:11:1: error: this object has no `apiVersion`: every Kubernetes object names its kind and API version [manifest-error]',
    ]);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });
});
