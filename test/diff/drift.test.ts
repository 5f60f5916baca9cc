// `check --against`: a topology against its own import reports nothing; each drift finding has
// its position (the .topo line, or the source's YAML line), works in SARIF, and is suppressible
// and configurable like a rule finding.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { fakeIo } from '../helpers/io.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const created: string[] = [];
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

async function cli(args: string[], cwd: string) {
  const fake = fakeIo({ cwd });
  const code = await run(args, fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

/** A project with the guestbook manifests in k8s/ and their import, edited by `edit`, in shop.topo. */
async function project(edit: (text: string) => string = (text) => text): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'topodoc-drift-'));
  created.push(dir);
  writeFileSync(path.join(dir, 'package.json'), '{"name": "drift-fixture", "private": true}\n');
  cpSync(path.join(ROOT, 'test/fixtures/manifests/guestbook'), path.join(dir, 'k8s'), { recursive: true });
  const imported = await cli(['import', 'k8s'], dir);
  expect(imported.code).toBe(0);
  writeFileSync(path.join(dir, 'shop.topo'), edit(imported.stdout));
  return dir;
}

describe('check --against', () => {
  it.each([
    'test/fixtures/manifests/guestbook',
    'test/fixtures/manifests/cases/workloads-and-services/input',
  ])('reports nothing for the import of %s against itself', async (source) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'topodoc-drift-self-'));
    created.push(dir);
    const imported = await cli(['import', path.join(ROOT, source), '-o', path.join(dir, 'self.topo')], dir);
    expect(imported.code).toBe(0);
    const result = await cli(
      [
        'check',
        'self.topo',
        '--against',
        path.join(ROOT, source),
        '--allow-outside-root',
        '--format',
        'unix',
        '--rule',
        'service-target-port-closed=off',
      ],
      dir,
    );
    expect([result.code, result.stdout]).toEqual([0, '']);
  });

  it('reports missing, extra and changed entities where they are written', async () => {
    const dir = await project((text) =>
      text
        .replace('replicas 3', 'replicas 2')
        .replace(/# from Service default\/redis-replica[\s\S]*$/, '')
        .concat('\nservice cache { selector app=cache; port 6379 }\n'),
    );
    const result = await cli(['check', 'shop.topo', '--against', 'k8s', '--format', 'unix'], dir);
    expect(result.code).toBe(1);
    const lines = result.stdout
      .trim()
      .split('\n')
      .filter((line) => line.includes('[drift-'));
    const text = readFileSync(path.join(dir, 'shop.topo'), 'utf8').split('\n');
    const replicasLine = text.findIndex((line) => line.includes('replicas 2')) + 1;
    const cacheLine = text.findIndex((line) => line.startsWith('service cache')) + 1;
    expect(lines).toEqual([
      'k8s/redis-replica-service.yaml:4:3: error: service default/redis-replica is in k8s but not documented [drift-extra]',
      `shop.topo:${replicasLine}:3: error: workload deployment default/frontend: \`replicas\` is \`2\` here and \`3\` in k8s [drift-changed]`,
      `shop.topo:${cacheLine}:1: error: service default/cache is documented but not in k8s [drift-missing]`,
    ]);
    const sarif = JSON.parse(
      (await cli(['check', 'shop.topo', '--against', 'k8s', '--format', 'sarif'], dir)).stdout,
    );
    const ids = sarif.runs[0].results
      .map((r: { ruleId: string }) => r.ruleId)
      .filter((id: string) => id.startsWith('drift-'))
      .sort();
    expect(ids).toEqual(['drift-changed', 'drift-extra', 'drift-missing']);
  });

  it('is suppressed by a directive and configured by --rule like a rule finding', async () => {
    const dir = await project((text) =>
      text.replace(
        '  replicas 3',
        '  # topodoc-disable-next-line drift-changed -- scaled down in staging\n  replicas 2',
      ),
    );
    expect((await cli(['check', 'shop.topo', '--against', 'k8s', '--format', 'unix'], dir)).stdout).toBe('');
    const edited = await project((text) => text.replace('replicas 3', 'replicas 2'));
    const warned = await cli(
      ['check', 'shop.topo', '--against', 'k8s', '--format', 'unix', '--rule', 'drift-changed=warn'],
      edited,
    );
    expect(warned.code).toBe(0);
    expect(warned.stdout).toContain('warning:');
  });

  it('refuses a source with errors in one sentence (exit 2)', async () => {
    const dir = await project();
    writeFileSync(path.join(dir, 'broken.yaml'), 'kind: [\n');
    const result = await cli(['check', 'shop.topo', '--against', 'broken.yaml'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Cannot compare broken\.yaml: it has \d+ errors? \(above\)\.\n$/);
  });
});
