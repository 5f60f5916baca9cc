// Shared by the two localhost rules: which connections go to `localhost` (or 127.x.x.x / ::1) and
// where, if anywhere, something listens on that port — in the caller's own namespace or another.

import {
  allNamespaces,
  type Binding,
  callerNamespace,
  machineOf,
  type NetNamespace,
  sameNamespace,
} from '../model/network.js';
import type { Connect, Machine, Pod, Topology } from '../model/types.js';

export interface LocalhostConnection {
  connect: Connect;
  /** As written: `localhost` or the loopback address. */
  host: string;
  port: number;
}

/** Connections to the caller's own namespace that name a port. */
export function localhostConnections(model: Topology): LocalhostConnection[] {
  const found: LocalhostConnection[] = [];
  for (const connect of model.connections) {
    const { endpoint } = connect;
    if (endpoint.port === undefined) continue;
    if (endpoint.kind === 'localhost') found.push({ connect, host: 'localhost', port: endpoint.port });
    else if (endpoint.kind === 'address' && endpoint.loopback) {
      found.push({ connect, host: endpoint.address.text, port: endpoint.port });
    }
  }
  return found;
}

export type ListenerSearch =
  | { kind: 'own' }
  | { kind: 'other'; own: NetNamespace; namespace: NetNamespace; binding: Binding }
  | { kind: 'none'; own: NetNamespace };

interface Listener {
  namespace: NetNamespace;
  binding: Binding;
}

/**
 * Finds listeners for the localhost connections of one model, indexing each namespace's ports once
 * (one check run creates one, model-index.ts): many connections then cost no more than one pass over
 * the namespaces.
 */
export class ListenerFinder {
  /** Per namespace (its pod or machine), the first binding of each port. */
  private readonly portsOf = new Map<Pod | Machine, Map<number, Binding>>();
  private listenersByPort: Map<number, Listener[]> | undefined;

  /** @param bindingsOf `namespaceBindings`, or a memo of it */
  constructor(
    private readonly model: Topology,
    private readonly bindingsOf: (namespace: NetNamespace) => readonly Binding[],
  ) {}

  /**
   * Looks for a listener on the port: first in the caller's own namespace; else elsewhere, preferring
   * pods on the caller's machine, then the machine itself, then the rest of the model.
   */
  find(connection: LocalhostConnection): ListenerSearch {
    const own = callerNamespace(connection.connect.owner);
    if (this.ports(own).has(connection.port)) return { kind: 'own' };
    const machine = machineOf(connection.connect.owner);
    const nearness = (ns: NetNamespace): number =>
      ns.kind === 'pod' ? (ns.pod.parent === machine ? 0 : 2) : ns.machine === machine ? 1 : 3;
    let best: Listener | undefined;
    let bestNearness = Number.POSITIVE_INFINITY;
    for (const listener of this.listenersOn(connection.port)) {
      if (sameNamespace(listener.namespace, own)) continue;
      const near = nearness(listener.namespace);
      // Listeners come in namespace order, so the first of the nearest wins.
      if (near < bestNearness) {
        best = listener;
        bestNearness = near;
      }
    }
    if (best === undefined) return { kind: 'none', own };
    return { kind: 'other', own, namespace: best.namespace, binding: best.binding };
  }

  private ports(ns: NetNamespace): Map<number, Binding> {
    const key = ns.kind === 'pod' ? ns.pod : ns.machine;
    let ports = this.portsOf.get(key);
    if (!ports) {
      ports = new Map();
      for (const binding of this.bindingsOf(ns))
        if (!ports.has(binding.port)) ports.set(binding.port, binding);
      this.portsOf.set(key, ports);
    }
    return ports;
  }

  /** The namespaces listening on `port`, in `allNamespaces` order (indexed at the first call). */
  private listenersOn(port: number): readonly Listener[] {
    if (!this.listenersByPort) {
      const byPort = new Map<number, Listener[]>();
      for (const namespace of allNamespaces(this.model)) {
        for (const [bound, binding] of this.ports(namespace)) {
          const listeners = byPort.get(bound);
          if (listeners) listeners.push({ namespace, binding });
          else byPort.set(bound, [{ namespace, binding }]);
        }
      }
      this.listenersByPort = byPort;
    }
    return this.listenersByPort.get(port) ?? [];
  }
}
