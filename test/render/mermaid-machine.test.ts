// One machine's Mermaid diagram (`render -t mermaid --machine`, embed and plugin `mermaid machine=`):
// only that machine's subgraphs, its connections, and what they reach elsewhere as outside nodes.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { renderMermaid } from '../../src/render/mermaid/index.js';
import { renderViewNodes } from '../../src/render/views.js';
import { fakeIo } from '../helpers/io.js';
import { modelOf, unexpectedLines } from './mermaid-helpers.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLUSTER = readFileSync(path.join(ROOT, 'examples/cluster.topo'), 'utf8');

describe('one machine in Mermaid', () => {
  it('draws only that machine, with the API server it talks to as an outside node', async () => {
    const model = await modelOf(CLUSTER);
    const worker = model.cluster.machines.find((machine) => machine.name === 'worker-2');
    if (worker === undefined) throw new Error('examples/cluster.topo has no worker-2');
    const text = renderMermaid(model, { machine: worker });
    expect(unexpectedLines(text)).toEqual([]);
    expect(text).toContain('subgraph m_worker_h2[');
    expect(text).not.toContain('subgraph m_cp_h1[');
    expect(text).not.toContain('subgraph m_worker_h1[');
    expect(text).toContain(
      'ext_cp_h1_skube_hapiserver_hcp_h1_skube_hapiserver["cp-1/kube-apiserver-cp-1/kube-apiserver"]',
    );
    // Every edge starts on worker-2.
    const edges = text.split('\n').filter((line) => line.includes('-->'));
    expect(edges.length).toBeGreaterThan(0);
    for (const edge of edges) expect(edge.trim()).toMatch(/^(p|c)_worker_h2_/);
  });

  it('is what render --machine prints, and refuses a machine that is not there', async () => {
    const fake = fakeIo({ cwd: ROOT });
    expect(
      await run(['render', 'examples/cluster.topo', '-t', 'mermaid', '--machine', 'worker-2'], fake.io),
    ).toBe(0);
    expect(fake.stdout()).toContain('subgraph m_worker_h2[');
    expect(fake.stdout()).not.toContain('subgraph m_worker_h1[');
    const missing = fakeIo({ cwd: ROOT });
    expect(
      await run(['render', 'examples/cluster.topo', '-t', 'mermaid', '--machine', 'nope'], missing.io),
    ).toBe(1);
    expect(missing.stderr()).toBe('No machine named "nope"; the topology has: cp-1, worker-1, worker-2.\n');
  });

  it('is the embed and plugin view `mermaid machine=NAME`', async () => {
    const model = await modelOf(CLUSTER);
    const [node] = renderViewNodes(model, { view: 'mermaid', machine: 'worker-1' });
    expect(node).toMatchObject({ type: 'code', lang: 'mermaid' });
    const value = (node as { value: string }).value;
    expect(value).toContain('subgraph m_worker_h1[');
    expect(value).not.toContain('subgraph m_worker_h2[');
  });
});
