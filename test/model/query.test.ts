import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  allContainers,
  allEntities,
  allPods,
  allProcesses,
  entityLabel,
  findEntityByPath,
  loadTopology,
} from '../../src/model/index.js';

const REPO = path.resolve(import.meta.dirname, '../..');

async function load(example: string) {
  const result = await loadTopology(`examples/${example}`, { cwd: REPO });
  expect(result.diagnostics).toEqual([]);
  return result.model;
}

describe('model queries', () => {
  it('lists pods, containers and processes in declaration order', async () => {
    const model = await load('node-with-pods.topo');
    expect(allPods(model).map((pod) => pod.path)).toEqual(['worker-1/pod-1', 'worker-1/pod-2']);
    expect(allContainers(model).map((container) => container.path)).toEqual([
      'worker-1/pod-1/app',
      'worker-1/pod-1/sidecar',
      'worker-1/pod-2/cache',
      'worker-1/pod-2/client',
    ]);
    expect(allProcesses(model).map((process) => process.path)).toEqual([
      'worker-1/node-processes/kubelet',
      'worker-1/node-processes/kube-proxy',
      'worker-1/node-processes/containerd',
    ]);
  });

  it('walks every entity depth-first, a pod volume before its containers', async () => {
    const model = await load('pod.topo');
    expect(allEntities(model).map((entity) => `${entity.kind} ${entity.path}`)).toEqual([
      'machine node-1',
      'process node-1/kubelet',
      'process node-1/containerd',
      'process node-1/kube-proxy',
      'pod node-1/web',
      'volume node-1/web/content',
      'container node-1/web/app',
      'container node-1/web/sidecar',
    ]);
  });

  it('finds entities by path, groups included, and nothing for a wrong path', async () => {
    const model = await load('process-tree.topo');
    expect(findEntityByPath(model, 'machine-1/control-plane/etcd')?.kind).toBe('process');
    expect(findEntityByPath(model, 'machine-1/control-plane')?.kind).toBe('group');
    expect(findEntityByPath(model, 'machine-1')?.kind).toBe('machine');
    expect(findEntityByPath(model, 'machine-1/etcd')).toBeUndefined();
    expect(findEntityByPath(model, 'nope/etcd')).toBeUndefined();
  });

  it('labels an entity by its label, else its name', async () => {
    const model = await load('process-tree.topo');
    const machine = findEntityByPath(model, 'machine-1');
    const etcd = findEntityByPath(model, 'machine-1/control-plane/etcd');
    expect(machine && entityLabel(machine)).toBe('Our Physical Machine (or VM)');
    expect(etcd && entityLabel(etcd)).toBe('etcd');
  });
});
