// A model as comparable records: one per entity, keyed by identity (namespace-aware for pods,
// services and workloads, never by line), each with its properties as text. Lists whose order
// carries no meaning (ports, mounts, labels, selectors) are sorted sets.

import { containerOf } from '../model/network.js';
import { endpointText, listenText, servicePortText } from '../model/notation.js';
import type { Container, Location, Pod, Process, Topology, Volume } from '../model/types.js';

export type EntityKind =
  | 'machine'
  | 'process'
  | 'pod'
  | 'container'
  | 'volume'
  | 'service'
  | 'workload'
  | 'connection';

export interface EntityRecord {
  kind: EntityKind;
  /** Unique per kind: `worker-1`, `shop/web-1`, `shop/web-1/nginx`, `deployment shop/web`. */
  id: string;
  /** Property name → value as text (a set: sorted, joined with `, `); absent properties are absent. */
  properties: Map<string, string>;
  /** Where the entity is written. */
  loc: Location;
  /** Where each property is written, when it has its own statement. */
  propertyLocs: Map<string, Location>;
  /** The pod whose view shows the change (pods, their containers and volumes). */
  pod?: Pod;
}

export interface RecordOptions {
  /** Compare the pods a workload expands to (generated names and IPs) as well; off by default. */
  includeGenerated?: boolean;
}

const set = (items: readonly string[]): string => [...new Set(items)].sort().join(', ');

function podId(pod: Pod): string {
  return `${pod.namespace}/${pod.name}`;
}

type PropertyRow = [name: string, value: string | undefined, loc: Location | undefined];

/** Every record of the model, by `kind id`. */
export function modelRecords(model: Topology, options: RecordOptions = {}): Map<string, EntityRecord> {
  const records = new Map<string, EntityRecord>();
  const add = (made: EntityRecord): EntityRecord => {
    records.set(`${made.kind} ${made.id}`, made);
    return made;
  };
  for (const machine of model.cluster.machines) {
    add(
      record('machine', machine.name, machine.loc, [
        ['kind', machine.machineKind, machine.machineKindLoc],
        ['ip', machine.ip?.value.text, machine.ip?.loc],
        ['pod-cidr', machine.podCidr?.value.text, machine.podCidr?.loc],
        ['os', machine.os?.value, machine.os?.loc],
      ]),
    );
    for (const process of machine.processes) {
      add(processRecord(process, `${machine.name}/${processPath(process)}`));
    }
    for (const pod of machine.pods) {
      if (pod.workload && !options.includeGenerated) continue;
      const podRecord = add({
        ...record('pod', podId(pod), pod.loc, [
          ['machine', machine.name, undefined],
          ['ip', pod.ip?.value.text, pod.ip?.loc],
        ]),
        pod,
      });
      addPodParts(add, pod, podId(pod), podRecord);
    }
  }
  for (const service of model.cluster.services) {
    add(
      record('service', `${service.namespace}/${service.name}`, service.loc, [
        ['type', service.serviceType, service.serviceTypeLoc],
        ['ip', service.ip?.value.text, service.ip?.loc],
        ['selector', set(service.selector.map((term) => `${term.key}=${term.value}`)), service.selectorLoc],
        ['ports', set(service.ports.map((port) => servicePortText(port))), service.ports[0]?.loc],
      ]),
    );
  }
  for (const workload of model.cluster.workloads) {
    const id = `${workload.workloadKind} ${workload.namespace}/${workload.name}`;
    const replicas = workload.workloadKind === 'daemonset' ? undefined : String(workload.replicas);
    const made = add(
      record('workload', id, workload.loc, [
        ['replicas', replicas, workload.replicasLoc],
        ['on', workload.on.join(', '), workload.onLoc],
      ]),
    );
    addPodParts(add, workload.template, id, made);
  }
  // A workload's connections are its template's (its replicas' copies are generated).
  const templateConnects = model.cluster.workloads.flatMap((workload) =>
    workload.template.containers.flatMap((container) => [
      ...container.connects,
      ...container.processes.flatMap((process) => process.connects),
    ]),
  );
  const written = model.connections.filter((connect) => {
    const pod = podOf(connect.owner);
    return pod?.workload === undefined || (options.includeGenerated && pod.parent.kind === 'machine');
  });
  for (const connect of [...written, ...new Set(templateConnects)]) {
    const pod = podOf(connect.owner);
    const from = pod ? `${podKey(pod)}/${ownerName(connect.owner)}` : connect.owner.path;
    const to = endpointText(connect.endpoint);
    add(record('connection', `${from} → ${to}`, connect.loc, [['label', connect.label, undefined]]));
  }
  return records;
}

/** A pod's own properties (on `owner`: the pod's record, or its workload's for a template), its volumes and containers. */
function addPodParts(
  add: (made: EntityRecord) => EntityRecord,
  pod: Pod,
  id: string,
  owner: EntityRecord,
): void {
  const rows: PropertyRow[] = [
    ['labels', set(pod.labels.map((label) => `${label.key}=${label.value}`)), pod.labels[0]?.loc],
    ['host-network', pod.hostNetwork ? 'true' : undefined, pod.hostNetworkLoc],
    ['share-process-namespace', pod.shareProcessNamespace ? 'true' : undefined, pod.shareProcessNamespaceLoc],
  ];
  setProperties(owner, rows);
  for (const volume of pod.volumes) add({ ...volumeRecord(volume, `${id}/${volume.name}`), pod });
  for (const container of pod.containers) {
    add({ ...containerRecord(container, `${id}/${container.name}`), pod });
    for (const process of container.processes) {
      add(processRecord(process, `${id}/${container.name}/${process.name}`));
    }
  }
}

/** `shop/web-1`, or `deployment shop/web` for a workload's template. */
function podKey(pod: Pod): string {
  return pod.parent.kind === 'workload' ? `${pod.parent.workloadKind} ${podId(pod)}` : podId(pod);
}

function setProperties(made: EntityRecord, rows: readonly PropertyRow[]): void {
  for (const [name, value, propertyLoc] of rows) {
    if (value === undefined || value === '') continue;
    made.properties.set(name, value);
    if (propertyLoc) made.propertyLocs.set(name, propertyLoc);
  }
}

function record(kind: EntityKind, id: string, loc: Location, rows: readonly PropertyRow[]): EntityRecord {
  const made: EntityRecord = { kind, id, loc, properties: new Map(), propertyLocs: new Map() };
  setProperties(made, rows);
  return made;
}

function containerRecord(container: Container, id: string): EntityRecord {
  return record('container', id, container.loc, [
    ['image', container.image?.value, container.image?.loc],
    ['role', container.role, container.roleLoc],
    [
      'listen',
      set(container.listens.map((listen) => `${listenText(listen)}${listen.name ? ` ${listen.name}` : ''}`)),
      container.listens[0]?.loc,
    ],
    [
      'mount',
      set(
        container.mounts.map(
          (mount) => `${mount.volumeName} at ${mount.path}${mount.readonly ? ' readonly' : ''}`,
        ),
      ),
      container.mounts[0]?.loc,
    ],
  ]);
}

function volumeRecord(volume: Volume, id: string): EntityRecord {
  return record('volume', id, volume.loc, [
    [
      'type',
      volume.type ? `${volume.type.value}${volume.source ? ` ${volume.source}` : ''}` : undefined,
      volume.type?.loc,
    ],
    ['path', volume.hostPath?.value, volume.hostPath?.loc],
  ]);
}

function processRecord(process: Process, id: string): EntityRecord {
  return record('process', id, process.loc, [
    ['role', process.role, process.roleLoc],
    ['listen', set(process.listens.map(listenText)), process.listens[0]?.loc],
  ]);
}

/** A process's path below its machine, through its groups (`node-processes/kubelet`). */
function processPath(process: Process): string {
  const parts = [process.name];
  for (let parent = process.parent; parent.kind === 'group'; parent = parent.parent)
    parts.unshift(parent.name);
  return parts.join('/');
}

function podOf(owner: Process | Container): Pod | undefined {
  return containerOf(owner)?.parent;
}

function ownerName(owner: Process | Container): string {
  return owner.kind === 'container'
    ? owner.name
    : `${owner.parent.kind === 'container' ? `${owner.parent.name}/` : ''}${owner.name}`;
}
