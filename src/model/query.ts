// The few questions renderers and rules ask of a model: every entity of a kind, an entity by
// its path, the text an entity is shown with.

import { childrenOf } from './resolve.js';
import type {
  Container,
  Entity,
  Group,
  Machine,
  Pod,
  Process,
  Service,
  Topology,
  Workload,
} from './types.js';

export { childrenOf, parentOf } from './resolve.js';

/** Every entity below the cluster, depth-first in declaration order (a pod's volumes before its containers). */
export function allEntities(model: Topology): Entity[] {
  const entities: Entity[] = [];
  const walk = (entity: Entity): void => {
    for (const child of childrenOf(entity)) {
      entities.push(child);
      walk(child);
    }
  };
  walk(model.cluster);
  return entities;
}

/**
 * Every pod rules and views judge: the pods on machines (hand-written and expanded), then the
 * templates of workloads that stay unscheduled (a model with no node, kubernetes.md §5).
 */
export function allPods(model: Topology): Pod[] {
  return [...model.cluster.machines.flatMap((machine) => machine.pods), ...unscheduledTemplates(model)];
}

/** The pod templates of workloads that were not expanded (no node in the model). */
export function unscheduledTemplates(model: Topology): Pod[] {
  return model.cluster.workloads
    .filter((workload) => workload.pods.length === 0 && !workload.placed)
    .map((workload) => workload.template);
}

export function allContainers(model: Topology): Container[] {
  return allPods(model).flatMap((pod) => pod.containers);
}

/** Machine processes (groups included) and the processes declared inside containers. */
export function allProcesses(model: Topology): Process[] {
  return allEntities(model).filter((entity): entity is Process => entity.kind === 'process');
}

/** `worker-1/pod-1/app` (the path of types.ts; groups are part of it). */
export function findEntityByPath(model: Topology, path: string): Entity | undefined {
  let entity: Entity | undefined = model.cluster;
  for (const name of path.split('/')) {
    entity = entity && childrenOf(entity).find((child) => child.name === name);
  }
  return entity;
}

/** What an entity is shown as: its label, else its name. */
export function entityLabel(entity: Entity): string {
  return entity.label ?? entity.name;
}

/** The machine an entity runs on (or, for a group, belongs to); none inside an unscheduled workload's template. */
export function machineOf(entity: Process | Container | Pod | Group | Machine): Machine | undefined {
  let current: Process | Container | Pod | Group | Machine | Workload = entity;
  while (current.kind !== 'machine') {
    if (current.kind === 'workload') return undefined;
    current = current.parent;
  }
  return current;
}

/** A machine is a node exactly when it runs kubelet. */
export function isNode(machine: Machine): boolean {
  return machine.processes.some((process) => process.name === 'kubelet');
}

/** Every service of the model, in declaration order. */
export function allServices(model: Topology): Service[] {
  return model.cluster.services;
}
