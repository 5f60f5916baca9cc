// Shared by the two localhost rules: which connections go to `localhost` (or 127.x.x.x / ::1) and
// where, if anywhere, something listens on that port — in the caller's own namespace or another.

import type { Connect, Topology } from '../model/types.js';
import {
  allNamespaces,
  type Binding,
  callerNamespace,
  machineOf,
  type NetNamespace,
  namespaceBindings,
  sameNamespace,
} from './network.js';

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

/**
 * Looks for a listener on the port: first in the caller's own namespace; else elsewhere, preferring
 * pods on the caller's machine, then the machine itself, then the rest of the model.
 */
export function findListener(model: Topology, connection: LocalhostConnection): ListenerSearch {
  const own = callerNamespace(connection.connect.owner);
  const listensOn = (ns: NetNamespace) => namespaceBindings(ns).find((b) => b.port === connection.port);
  if (listensOn(own)) return { kind: 'own' };
  const machine = machineOf(connection.connect.owner);
  const nearness = (ns: NetNamespace): number =>
    ns.kind === 'pod' ? (ns.pod.parent === machine ? 0 : 2) : ns.machine === machine ? 1 : 3;
  const others = allNamespaces(model)
    .filter((ns) => !sameNamespace(ns, own))
    .map((ns, index) => ({ ns, index, nearness: nearness(ns) }))
    .sort((a, b) => a.nearness - b.nearness || a.index - b.index);
  for (const { ns } of others) {
    const binding = listensOn(ns);
    if (binding) return { kind: 'other', own, namespace: ns, binding };
  }
  return { kind: 'none', own };
}
