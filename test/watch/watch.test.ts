// topodoc watch: rebuilds the document when an imported file changes, keeps one renderer, and
// stops cleanly (exit 0) when interrupted.

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { DEFAULT_CONFIG } from '../../src/config/types.js';
import { WatchSession } from '../../src/watch/session.js';
import { fakeIo } from '../helpers/io.js';

const MAIN = ['import "workers.topo"', 'title "Watched"', ''].join('\n');
const workers = (label: string) =>
  [
    '# topodoc-disable control-plane-incomplete -- test fixture without a control plane',
    `machine w1 "${label}" {`,
    '  process kubelet',
    '  process kube-proxy',
    '  process containerd',
    '  pod p1 { ip 10.0.0.2; container app { image "nginx:1.27" } }',
    '}',
    '',
  ].join('\n');

const created: string[] = [];
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'topodoc-watch-'));
  writeFileSync(join(dir, 'package.json'), '{"name": "watch-fixture", "private": true}\n');
  writeFileSync(join(dir, 'main.topo'), MAIN);
  writeFileSync(join(dir, 'workers.topo'), workers('First label'));
  created.push(dir);
  return dir;
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (condition()) return;
    await new Promise((wait) => setTimeout(wait, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('topodoc watch', () => {
  it('rebuilds when an imported file changes, with one renderer for every rebuild', async () => {
    const dir = project();
    const fake = fakeIo({ cwd: dir });
    let launches = 0;
    let renders = 0;
    const launch = async () => {
      launches++;
      return { render: async () => `<svg>${++renders}</svg>`, close: async () => undefined };
    };
    const session = new WatchSession(
      [join(dir, 'main.topo')],
      { outDir: join(dir, 'out'), config: DEFAULT_CONFIG, svgMode: 'auto' },
      { ...fake.io, env: { PUPPETEER_EXECUTABLE_PATH: process.execPath } },
      launch,
    );
    await session.start();
    const md = join(dir, 'out/main.md');
    expect(readFileSync(md, 'utf8')).toContain('First label');

    writeFileSync(join(dir, 'workers.topo'), workers('Second label'));
    await until(() => readFileSync(md, 'utf8').includes('Second label'), 'the rebuild');
    await session.idle();
    await session.close();
    expect(launches).toBe(1);
    expect(renders).toBe(2);
    expect(fake.stdout()).toMatch(
      /watch: main\.topo built; .* Waiting for changes…\n[\s\S]*watch: main\.topo built/,
    );
  });

  it('rebuilds when a missing import is created', async () => {
    const dir = project();
    rmSync(join(dir, 'workers.topo'));
    const fake = fakeIo({ cwd: dir });
    const session = new WatchSession(
      [join(dir, 'main.topo')],
      { outDir: join(dir, 'out'), config: DEFAULT_CONFIG, svgMode: 'off' },
      fake.io,
      async () => {
        throw new Error('no renderer with --svg off');
      },
    );
    await session.start();
    expect(fake.stdout()).toContain('watch: main.topo failed (previous outputs kept)');

    writeFileSync(join(dir, 'workers.topo'), workers('Created label'));
    const md = join(dir, 'out/main.md');
    await until(() => existsSync(md) && readFileSync(md, 'utf8').includes('Created label'), 'the rebuild');
    await session.idle();
    await session.close();
    expect(fake.stdout()).toMatch(/failed \(previous outputs kept\)[\s\S]*watch: main\.topo built/);
  });

  it('reports errors of a broken save and rebuilds when fixed; Ctrl-C exits 0', async () => {
    const dir = project();
    const controller = new AbortController();
    const fake = fakeIo({ cwd: dir });
    const exit = run(['watch', 'main.topo', '--svg', 'off'], { ...fake.io, signal: controller.signal });
    await until(() => fake.stdout().includes('Ctrl-C to stop'), 'the first build');
    const md = join(dir, 'out/main.md');
    const first = readFileSync(md, 'utf8');

    writeFileSync(join(dir, 'workers.topo'), 'machine w1 {\n  colour blue\n}\n');
    await until(() => fake.stdout().includes('failed (previous outputs kept)'), 'the failed rebuild');
    expect(fake.stderr()).toContain('unknown-property');
    expect(readFileSync(md, 'utf8')).toBe(first);

    writeFileSync(join(dir, 'workers.topo'), workers('Fixed label'));
    await until(() => readFileSync(md, 'utf8').includes('Fixed label'), 'the repaired rebuild');
    controller.abort();
    expect(await exit).toBe(0);
    expect(fake.stdout()).toContain('watch: stopped.');
  });
});

describe('topodoc watch usage errors', () => {
  it('ends with exit 2 when the first build cannot write its outputs', async () => {
    const dir = project();
    writeFileSync(join(dir, 'not-a-dir'), 'a file where the output directory should be\n');
    const fake = fakeIo({ cwd: dir });
    const code = await run(['watch', 'main.topo', '--svg', 'off', '-o', 'not-a-dir'], fake.io);
    expect(code).toBe(2);
    expect(fake.stderr().trim().split('\n')).toHaveLength(1);
    expect(fake.stdout()).not.toContain('Ctrl-C to stop');
  });
});
