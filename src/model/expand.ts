// Workload expansion (kubernetes.md §1): each deployment, statefulset and daemonset becomes
// ordinary pods on nodes, placed and addressed deterministically, before rules and views run.

import { isNode } from './query.js';
import type {
  Address,
  Connect,
  Container,
  Entity,
  Machine,
  Mount,
  Pod,
  Process,
  Topology,
  Volume,
  Workload,
} from './types.js';
import { addressOf } from './values.js';

/**
 * Places every workload's pods: eligible nodes are those named by `on` (in that order) or every
 * node (machine with kubelet) in declaration order; replicas go round-robin; each pod takes the
 * lowest free address of its node's `pod-cidr`. A model with no node keeps workloads as templates.
 */
/** The most pods workloads may expand into in one model: past it, a typo, not a topology (and memory). */
export const MAX_EXPANDED_PODS = 50_000;

export function expandWorkloads(model: Topology): void {
  const machines = model.cluster.machines;
  const nodes = machines.filter(isNode);
  if (nodes.length === 0 || model.cluster.workloads.length === 0) return;
  const pool = new AddressPool(model);
  const templateConnects = new Set<Connect>();
  let budget = MAX_EXPANDED_PODS;
  for (const workload of model.cluster.workloads) {
    workload.placed = true;
    for (const container of workload.template.containers) {
      for (const connect of container.connects) templateConnects.add(connect);
    }
    const eligible = eligibleNodes(workload, nodes);
    if (eligible.length === 0) {
      workload.placementProblems.push({ kind: 'no-node' });
      continue;
    }
    const placements =
      workload.workloadKind === 'daemonset'
        ? eligible.map((node) => ({ node, name: `${workload.name}-${node.name}` }))
        : Array.from({ length: workload.replicas }, (_, index) => ({
            node: eligible[index % eligible.length] as Machine,
            name: `${workload.name}-${workload.workloadKind === 'statefulset' ? index : index + 1}`,
          }));
    if (placements.length > budget) {
      workload.placementProblems.push({ kind: 'too-many', limit: MAX_EXPANDED_PODS });
      continue;
    }
    budget -= placements.length;
    for (const { node, name } of placements) {
      const pod = instantiate(workload, node, name, model);
      if (!workload.template.hostNetwork) {
        const address = pool.take(node);
        if (address) pod.ip = { value: address, loc: workload.loc };
        else if (node.podCidr) workload.placementProblems.push({ kind: 'cidr-full', pod: name, node });
      }
      node.children.push(pod);
      node.pods.push(pod);
      workload.pods.push(pod);
    }
  }
  // The template's connects are now each replica's: edges and rules read those instead.
  model.connections = model.connections.filter((connect) => !templateConnects.has(connect));
}

function eligibleNodes(workload: Workload, nodes: readonly Machine[]): Machine[] {
  if (workload.on.length === 0) return [...nodes];
  return workload.on.flatMap((name) => nodes.filter((node) => node.name === name));
}

/** The free addresses of each node's pod CIDR, lowest first, skipping every address declared. */
class AddressPool {
  private readonly taken = new Set<string>();
  private readonly next = new Map<Machine, bigint>();

  constructor(model: Topology) {
    for (const machine of model.cluster.machines) {
      if (machine.ip) this.taken.add(machine.ip.value.text);
      for (const pod of machine.pods) if (pod.ip) this.taken.add(pod.ip.value.text);
    }
    for (const service of model.cluster.services) if (service.ip) this.taken.add(service.ip.value.text);
  }

  /**
   * The lowest free address after the network address and the first host address (the node's
   * bridge), before the IPv4 broadcast address (what host-local IPAM hands out).
   */
  take(node: Machine): Address | undefined {
    const cidr = node.podCidr?.value;
    if (!cidr) return undefined;
    const last = cidr.family === 4 && cidr.last - cidr.first > 1n ? cidr.last - 1n : cidr.last;
    for (let value = this.next.get(node) ?? cidr.first + 2n; value <= last; value++) {
      const address = addressOf(cidr.family, value);
      if (this.taken.has(address.text)) continue;
      this.taken.add(address.text);
      this.next.set(node, value + 1n);
      return address;
    }
    this.next.set(node, last + 1n);
    return undefined;
  }
}

/** A copy of the template on `node`: its own containers, volumes, listens and connects. */
function instantiate(workload: Workload, node: Machine, name: string, model: Topology): Pod {
  const template = workload.template;
  const copies = new Map<Entity, Entity>();
  const pod: Pod = {
    kind: 'pod',
    name,
    path: `${node.path}/${name}`,
    loc: workload.loc,
    nameLoc: workload.nameLoc,
    parent: node,
    labels: template.labels,
    workload,
    hostNetwork: template.hostNetwork,
    shareProcessNamespace: template.shareProcessNamespace,
    namespace: template.namespace,
    volumes: [],
    containers: [],
  };
  copyOptional(template, pod);
  copies.set(template, pod);
  pod.volumes = template.volumes.map((volume) => {
    const copy: Volume = { ...volume, parent: pod, path: `${pod.path}/${volume.name}` };
    copies.set(volume, copy);
    return copy;
  });
  pod.containers = template.containers.map((container) => copyContainer(container, pod, copies));
  // Paths that named something inside the template now name the replica's own copy.
  for (const container of pod.containers) {
    for (const connect of [
      ...container.connects,
      ...container.processes.flatMap((process) => process.connects),
    ]) {
      const { endpoint } = connect;
      if (endpoint.kind === 'path' && endpoint.target) {
        connect.endpoint = { ...endpoint, target: copies.get(endpoint.target) ?? endpoint.target };
      }
      model.connections.push(connect);
    }
  }
  return pod;
}

function copyOptional(template: Pod, pod: Pod): void {
  if (template.label !== undefined) pod.label = template.label;
  if (template.note) pod.note = template.note;
  if (template.doc) pod.doc = template.doc;
  if (template.hostNetworkLoc) pod.hostNetworkLoc = template.hostNetworkLoc;
  if (template.shareProcessNamespaceLoc) pod.shareProcessNamespaceLoc = template.shareProcessNamespaceLoc;
  if (template.namespaceLoc) pod.namespaceLoc = template.namespaceLoc;
}

function copyContainer(template: Container, pod: Pod, copies: Map<Entity, Entity>): Container {
  const container: Container = {
    ...template,
    parent: pod,
    path: `${pod.path}/${template.name}`,
    listens: [],
    connects: [],
    mounts: [],
    processes: [],
  };
  copies.set(template, container);
  container.listens = template.listens.map((listen) => ({ ...listen, owner: container }));
  container.connects = template.connects.map((connect) => ({ ...connect, owner: container }));
  container.mounts = template.mounts.map((mount): Mount => {
    const copy: Mount = { ...mount, owner: container };
    const volume = mount.volume && (copies.get(mount.volume) as Volume | undefined);
    if (volume) copy.volume = volume;
    return copy;
  });
  container.processes = template.processes.map((process) => copyProcess(process, container, copies));
  return container;
}

function copyProcess(template: Process, container: Container, copies: Map<Entity, Entity>): Process {
  const process: Process = {
    ...template,
    parent: container,
    path: `${container.path}/${template.name}`,
    listens: [],
    connects: [],
  };
  copies.set(template, process);
  process.listens = template.listens.map((listen) => ({ ...listen, owner: process }));
  process.connects = template.connects.map((connect) => ({ ...connect, owner: process }));
  return process;
}
