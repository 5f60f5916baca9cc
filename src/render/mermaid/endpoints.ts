// Where each `connect` edge of the Mermaid view ends: the process or container that listens on the
// port when the model says which one, else the pod, machine or group named, else a small external
// node (an address outside the model, `localhost` with no listener, or a path that did not resolve).

import {
  allNamespaces,
  callerNamespace,
  containerListens,
  type NetNamespace,
  namespaceAddress,
  namespaceBindings,
  podListens,
} from '../../model/network.js';
import type {
  Address,
  Cluster,
  Connect,
  Container,
  Entity,
  Group,
  Listen,
  Machine,
  Pod,
  Process,
  Service,
  Topology,
  Workload,
} from '../../model/types.js';

/** An entity the Mermaid view draws, as a node or a subgraph. */
export type DrawnEntity = Process | Container | Pod | Machine | Group | Cluster | Service | Workload;

export interface ExternalNode {
  /** Unique among external nodes; the node id is derived from it. */
  key: string;
  label: string;
  /** The subgraph the node sits in (the caller's namespace for `localhost`); top level when undefined. */
  within?: Pod | Machine;
  /** A path that names nothing in the model. */
  unresolved: boolean;
}

export type EdgeEnd = { kind: 'entity'; entity: DrawnEntity } | { kind: 'external'; node: ExternalNode };

/** True when the view draws the entity (the implicit cluster and volumes are not drawn). */
export function isDrawn(entity: Entity): entity is DrawnEntity {
  if (entity.kind === 'volume') return false;
  return entity.kind !== 'cluster' || !entity.implicit;
}

const toEntity = (entity: DrawnEntity): EdgeEnd => ({ kind: 'entity', entity });

function listenerOn(listens: readonly Listen[], port: number | undefined): Process | Container | undefined {
  if (port === undefined) return undefined;
  return listens.find((listen) => listen.port === port)?.owner;
}

function bindingOwner(namespace: NetNamespace, port: number | undefined): Process | Container | undefined {
  if (port === undefined) return undefined;
  return namespaceBindings(namespace).find((binding) => binding.port === port)?.listen.owner;
}

function groupListens(group: Group): Listen[] {
  return group.children.flatMap((child) => (child.kind === 'group' ? groupListens(child) : child.listens));
}

function namespaceEntity(namespace: NetNamespace): Pod | Machine {
  return namespace.kind === 'pod' ? namespace.pod : namespace.machine;
}

/** A named target: the listener on the port inside it when there is one, else the target itself. */
function pathEnd(target: Entity, port: number | undefined, written: string): EdgeEnd {
  const listener =
    target.kind === 'pod'
      ? listenerOn(podListens(target), port)
      : target.kind === 'container'
        ? listenerOn(containerListens(target), port)
        : target.kind === 'group'
          ? listenerOn(groupListens(target), port)
          : target.kind === 'machine'
            ? bindingOwner({ kind: 'machine', machine: target }, port)
            : undefined;
  if (listener !== undefined) return toEntity(listener);
  if (isDrawn(target)) return toEntity(target);
  return { kind: 'external', node: { key: written, label: written, unresolved: false } };
}

function sameAddress(a: Address, b: Address | undefined): boolean {
  return b !== undefined && a.family === b.family && a.value === b.value;
}

/** An address: the pod or machine that has it (and its listener on the port), else an external node. */
function addressEnd(model: Topology, address: Address, port: number | undefined): EdgeEnd {
  const namespace = allNamespaces(model).find((candidate) =>
    sameAddress(address, namespaceAddress(candidate)),
  );
  if (namespace === undefined) {
    return { kind: 'external', node: { key: address.text, label: address.text, unresolved: false } };
  }
  return toEntity(bindingOwner(namespace, port) ?? namespaceEntity(namespace));
}

/** `localhost` or a loopback address: the listener in the caller's own namespace, else a node inside it. */
function loopbackEnd(connect: Connect, host: string): EdgeEnd {
  const namespace = callerNamespace(connect.owner);
  const listener = bindingOwner(namespace, connect.endpoint.port);
  if (listener !== undefined) return toEntity(listener);
  const within = namespaceEntity(namespace);
  return {
    kind: 'external',
    node: { key: `${within.path}@${host}`, label: host, within, unresolved: false },
  };
}

/** The end of the edge drawn for a `connect`. */
export function edgeEnd(model: Topology, connect: Connect): EdgeEnd {
  const { endpoint } = connect;
  switch (endpoint.kind) {
    case 'localhost':
      return loopbackEnd(connect, 'localhost');
    case 'address':
      return endpoint.loopback
        ? loopbackEnd(connect, endpoint.address.text)
        : addressEnd(model, endpoint.address, endpoint.port);
    case 'path': {
      const written = endpoint.parts.join('.');
      if (endpoint.target === undefined) {
        return { kind: 'external', node: { key: written, label: written, unresolved: true } };
      }
      return pathEnd(endpoint.target, endpoint.port, written);
    }
    case 'service':
      return toEntity(endpoint.service);
    case 'external':
      return { kind: 'external', node: { key: endpoint.host, label: endpoint.host, unresolved: false } };
  }
}
