// Hand-built model objects for the ASCII renderer tests (no parser needed): small specs in,
// a Topology with parents, paths and the machine's process list filled in out.

import { type Location, SourceText } from '../../src/diagnostics.js';
import type {
  Cluster,
  Container,
  ContainerRole,
  Group,
  Machine,
  Pod,
  Process,
  ProcessRole,
  Topology,
  Volume,
} from '../../src/model/types.js';

const LOC: Location = { source: new SourceText('test.topo', 'x'), start: 0, end: 1 };

interface Named {
  name: string;
  label?: string;
  note?: string;
}

export interface ProcessSpec extends Named {
  kind: 'process';
  role?: ProcessRole;
}
export interface GroupSpec extends Named {
  kind: 'group';
  children: (GroupSpec | ProcessSpec)[];
}
export interface ContainerSpec extends Named {
  role?: ContainerRole;
  processes?: ProcessSpec[];
}
export interface PodSpec extends Named {
  kind: 'pod';
  ip?: string;
  hostNetwork?: boolean;
  shareProcessNamespace?: boolean;
  namespace?: string;
  volumes?: string[];
  containers: ContainerSpec[];
}
export interface MachineSpec extends Named {
  ip?: string;
  children: (GroupSpec | ProcessSpec | PodSpec)[];
}
export interface TopologySpec {
  /** An explicit `cluster` block; absent: the implicit cluster. */
  cluster?: Named & { podCidr?: string };
  machines: MachineSpec[];
}

export const proc = (name: string, extra: Partial<ProcessSpec> = {}): ProcessSpec => ({
  kind: 'process',
  name,
  ...extra,
});
export const group = (name: string, extra: Partial<GroupSpec> = {}): GroupSpec => ({
  kind: 'group',
  name,
  children: [],
  ...extra,
});
export const pod = (name: string, extra: Partial<PodSpec> = {}): PodSpec => ({
  kind: 'pod',
  name,
  containers: [],
  ...extra,
});

function base<K extends string>(kind: K, spec: Named, path: string) {
  return {
    kind,
    name: spec.name,
    ...(spec.label === undefined ? {} : { label: spec.label }),
    ...(spec.note === undefined ? {} : { note: { value: spec.note, loc: LOC } }),
    path,
    loc: LOC,
    nameLoc: LOC,
  };
}

function address(text: string) {
  return { value: { family: 4 as const, text, value: 0n }, loc: LOC };
}

export function buildTopology(spec: TopologySpec): Topology {
  const cluster: Cluster = {
    ...base('cluster', spec.cluster ?? { name: '' }, spec.cluster?.name ?? ''),
    implicit: spec.cluster === undefined,
    machines: [],
    services: [],
    workloads: [],
    ...(spec.cluster?.podCidr === undefined
      ? {}
      : {
          podCidr: {
            value: { family: 4, text: spec.cluster.podCidr, address: 0n, prefix: 16, first: 0n, last: 0n },
            loc: LOC,
          },
        }),
  };
  cluster.machines = spec.machines.map((machineSpec) => buildMachine(machineSpec, cluster));
  return { file: 'test.topo', files: ['test.topo'], cluster, connections: [], suppressions: [] };
}

export function buildMachine(spec: MachineSpec, cluster?: Cluster): Machine {
  const machine: Machine = {
    ...base('machine', spec, spec.name),
    parent: cluster ?? buildTopology({ machines: [] }).cluster,
    machineKind: 'vm',
    ...(spec.ip === undefined ? {} : { ip: address(spec.ip) }),
    children: [],
    processes: [],
    pods: [],
  };
  machine.children = spec.children.map((child) => {
    if (child.kind === 'pod') {
      const built = buildPod(child, machine);
      machine.pods.push(built);
      return built;
    }
    return buildProcessOrGroup(child, machine, machine);
  });
  return machine;
}

function buildProcessOrGroup(
  spec: GroupSpec | ProcessSpec,
  parent: Machine | Group,
  machine: Machine,
): Group | Process {
  const path = `${parent.path}/${spec.name}`;
  if (spec.kind === 'process') {
    const process = buildProcess(spec, parent, path);
    machine.processes.push(process);
    return process;
  }
  const built: Group = { ...base('group', spec, path), parent, children: [] };
  built.children = spec.children.map((child) => buildProcessOrGroup(child, built, machine));
  return built;
}

function buildProcess(spec: ProcessSpec, parent: Process['parent'], path: string): Process {
  return { ...base('process', spec, path), parent, role: spec.role ?? 'other', listens: [], connects: [] };
}

export function buildPod(spec: PodSpec, machine: Machine): Pod {
  const path = `${machine.path}/${spec.name}`;
  const built: Pod = {
    ...base('pod', spec, path),
    parent: machine,
    labels: [],
    ...(spec.ip === undefined ? {} : { ip: address(spec.ip) }),
    hostNetwork: spec.hostNetwork ?? false,
    shareProcessNamespace: spec.shareProcessNamespace ?? false,
    namespace: spec.namespace ?? 'default',
    volumes: [],
    containers: [],
  };
  built.volumes = (spec.volumes ?? []).map(
    (name): Volume => ({ ...base('volume', { name }, `${path}/${name}`), parent: built }),
  );
  built.containers = spec.containers.map((containerSpec) => {
    const container: Container = {
      ...base('container', containerSpec, `${path}/${containerSpec.name}`),
      parent: built,
      role: containerSpec.role ?? 'app',
      listens: [],
      connects: [],
      mounts: [],
      processes: [],
    };
    container.processes = (containerSpec.processes ?? []).map((processSpec) =>
      buildProcess(processSpec, container, `${container.path}/${processSpec.name}`),
    );
    return container;
  });
  return built;
}
