// The few questions renderers and rules ask of a model: every entity of a kind, an entity by
// its path, the text an entity is shown with.

import { childrenOf } from './resolve.js';
import type { Container, Entity, Group, Machine, Pod, Process, Topology } from './types.js';

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

export function allPods(model: Topology): Pod[] {
  return model.cluster.machines.flatMap((machine) => machine.pods);
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

/** The machine an entity runs on (or, for a group, belongs to). */
export function machineOf(entity: Process | Container | Pod | Group | Machine): Machine {
  let current: Process | Container | Pod | Group | Machine = entity;
  while (current.kind !== 'machine') current = current.parent;
  return current;
}
