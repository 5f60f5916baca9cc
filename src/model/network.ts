// Network namespaces as Linux draws them: a pod's own namespace, or its machine's for
// `host-network` pods and machine processes; and which listen statements bind ports in each.
// The checker's rules and the renderers' edges both read this meaning from here.

import { machineOf } from './query.js';
import type { Address, Container, Listen, Machine, Pod, Process, Topology } from './types.js';

export { machineOf };

export type NetNamespace = { kind: 'pod'; pod: Pod } | { kind: 'machine'; machine: Machine };

/** The container a process runs in, if any. */
export function containerOf(owner: Process | Container): Container | undefined {
  if (owner.kind === 'container') return owner;
  let current: Process['parent'] = owner.parent;
  while (current.kind === 'group') current = current.parent;
  return current.kind === 'container' ? current : undefined;
}

/**
 * The network namespace of a pod: its own, or its machine's when it uses `host-network` (an
 * unscheduled template has no machine yet: its own stands in).
 */
export function podNamespace(pod: Pod): NetNamespace {
  return pod.hostNetwork && pod.parent.kind === 'machine'
    ? { kind: 'machine', machine: pod.parent }
    : { kind: 'pod', pod };
}

/** Where `localhost` leads for a container or process. */
export function callerNamespace(owner: Process | Container): NetNamespace {
  const container = containerOf(owner);
  if (container) return podNamespace(container.parent);
  // A process outside every container stands on a machine (in it or in its groups).
  return { kind: 'machine', machine: machineOf(owner) as Machine };
}

export function sameNamespace(a: NetNamespace, b: NetNamespace): boolean {
  return a.kind === 'pod'
    ? b.kind === 'pod' && a.pod === b.pod
    : b.kind === 'machine' && a.machine === b.machine;
}

/** Every listen of a container and of the processes declared inside it. */
export function containerListens(container: Container): Listen[] {
  const listens = container.listens.slice();
  for (const process of container.processes) appendListens(listens, process.listens);
  return listens;
}

/** A pod's ports: the union of its containers' (containers share the pod's port space). */
export function podListens(pod: Pod): Listen[] {
  const listens: Listen[] = [];
  for (const container of pod.containers) {
    appendListens(listens, container.listens);
    for (const process of container.processes) appendListens(listens, process.listens);
  }
  return listens;
}

function appendListens(target: Listen[], listens: readonly Listen[]): void {
  for (const listen of listens) target.push(listen);
}

/** A port bound in a namespace; `hostPort` bindings come from `listen P host N` mappings. */
export interface Binding {
  port: number;
  listen: Listen;
  via: 'listen' | 'host-port';
}

/** Every port bound in the namespace (machine: its processes, host-network pods, host-port mappings). */
export function namespaceBindings(ns: NetNamespace): Binding[] {
  if (ns.kind === 'pod')
    return podListens(ns.pod).map((listen) => ({ port: listen.port, listen, via: 'listen' }));
  const bindings: Binding[] = [];
  for (const process of ns.machine.processes) {
    for (const listen of process.listens) bindings.push({ port: listen.port, listen, via: 'listen' });
  }
  for (const pod of ns.machine.pods) {
    for (const listen of podListens(pod)) {
      if (pod.hostNetwork) bindings.push({ port: listen.port, listen, via: 'listen' });
      else if (listen.hostPort !== undefined)
        bindings.push({ port: listen.hostPort, listen, via: 'host-port' });
    }
  }
  return bindings;
}

/** Every network namespace of the model: each machine's, then each pod's that has its own. */
export function allNamespaces(model: Topology): NetNamespace[] {
  const machines = model.cluster.machines;
  return [
    ...machines.map((machine): NetNamespace => ({ kind: 'machine', machine })),
    ...machines.flatMap((m) =>
      m.pods.filter((p) => !p.hostNetwork).map((pod): NetNamespace => ({ kind: 'pod', pod })),
    ),
  ];
}

/** How a namespace is named in messages: `pod worker-1/pod-1` or `machine worker-1`. */
export function describeNamespace(ns: NetNamespace): string {
  return ns.kind === 'pod' ? `pod ${ns.pod.path}` : `machine ${ns.machine.path}`;
}

/** The address other namespaces reach this one at, when the topology declares it. */
export function namespaceAddress(ns: NetNamespace): Address | undefined {
  return ns.kind === 'pod' ? ns.pod.ip?.value : ns.machine.ip?.value;
}

/** `10.0.0.1:8080`, `[fd00::1]:8080`. */
export function formatHostPort(address: Address, port: number): string {
  return address.family === 6 ? `[${address.text}]:${port}` : `${address.text}:${port}`;
}
