// The lookups rules share in one check run (model-index.ts): each answers as the model query it
// stands for, and a check run works out each network namespace's port bindings once, however many
// rules (host-port-conflict, both localhost rules) read them.

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { check } from '../../src/checker/index.js';
import { ModelIndex } from '../../src/checker/model-index.js';
import { loadTopologyFromText } from '../../src/model/index.js';
import { type NetNamespace, namespaceBindings } from '../../src/model/network.js';
import { allPods, allProcesses } from '../../src/model/query.js';
import type { Machine } from '../../src/model/types.js';
import { ROOT } from './helpers.js';

vi.mock('../../src/model/network.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/model/network.js')>();
  return { ...real, namespaceBindings: vi.fn(real.namespaceBindings) };
});

/** Two nodes; a sidecar connects to a localhost port nothing listens on, so both localhost rules look everywhere. */
const TOPOLOGY = `machine w1 {
  process kubelet { listen 10250 }
  process containerd
  process kube-proxy
  pod p1 {
    ip 10.0.0.2
    container app { image "nginx:1.27"; listen 8080 }
    container sidecar { image "busybox:1.36"; connect localhost:9999 }
  }
}
machine w2 {
  process kubelet { listen 10250 }
  group runtime { process containerd }
  process kube-proxy
  pod p2 { host-network true; container app { image "nginx:1.27"; listen 8080 } }
}
`;

async function model() {
  const loaded = await loadTopologyFromText(TOPOLOGY, 'index.topo', { cwd: ROOT });
  expect(loaded.diagnostics).toEqual([]);
  return loaded.model;
}

describe('ModelIndex', () => {
  beforeEach(() => {
    vi.mocked(namespaceBindings).mockClear();
  });

  it('answers as the model queries, the same list at every ask', async () => {
    const topology = await model();
    const index = new ModelIndex(topology);
    expect(index.pods).toEqual(allPods(topology));
    expect(index.pods).toBe(index.pods);
    expect(index.containers.map((c) => c.path)).toEqual(['w1/p1/app', 'w1/p1/sidecar', 'w2/p2/app']);
    expect(index.processes).toEqual(allProcesses(topology));
    const namespace: NetNamespace = { kind: 'machine', machine: topology.cluster.machines[0] as Machine };
    expect(index.bindings(namespace)).toEqual(namespaceBindings(namespace));
    expect(index.bindings(namespace)).toBe(index.bindings(namespace));
    expect(index.listeners).toBe(index.listeners);
    expect(index.localhostConnections.map((c) => [c.host, c.port])).toEqual([['localhost', 9999]]);
  });

  it('lets one check run work out each namespace once', async () => {
    const topology = await model();
    const findings = check(topology, { rules: { 'control-plane-incomplete': 'off' } });
    expect(findings.map((d) => d.ruleId)).toContain('localhost-no-listener');
    const asked = vi
      .mocked(namespaceBindings)
      .mock.calls.map(([ns]) => (ns.kind === 'pod' ? ns.pod : ns.machine).path);
    // Machines w1 and w2, and pod p1 (p2 uses its machine's namespace).
    expect(asked.sort()).toEqual(['w1', 'w1/p1', 'w2']);
  });
});
