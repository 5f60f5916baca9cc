// The resolved topology: what rules and renderers read. No syntax tree in here — only entities,
// their typed properties (each with the location of the statement that set it) and resolved
// references. Entities are kept in declaration order; imported files merge into one model.

import type { Location } from '../diagnostics.js';

export type { Location };

export type EntityKind = 'cluster' | 'machine' | 'group' | 'process' | 'pod' | 'container' | 'volume';

/** A property value together with where it was written (the whole property statement). */
export interface Located<T> {
  value: T;
  loc: Location;
}

export interface EntityBase {
  kind: EntityKind;
  name: string;
  /** The optional display string after the name (`machine worker-1 "NODE (machine)"`). */
  label?: string;
  /** Entity path, `/`-joined names from the machine down (`worker-1/pod-1/app`); the cluster's is its name. */
  path: string;
  /** The block header (keyword to label): where findings about the entity point. */
  loc: Location;
  /** The name token. */
  nameLoc: Location;
  note?: Located<string>;
  doc?: Located<string>;
}

export interface Cluster extends EntityBase {
  kind: 'cluster';
  /** True when the file has no `cluster` block and machines belong to the implicit cluster. */
  implicit: boolean;
  podCidr?: Located<Cidr>;
  serviceCidr?: Located<Cidr>;
  machines: Machine[];
}

export type MachineKind = 'physical' | 'vm' | 'cloud';

export interface Machine extends EntityBase {
  kind: 'machine';
  parent: Cluster;
  /** `kind` property, default `vm`. */
  machineKind: MachineKind;
  machineKindLoc?: Location;
  ip?: Located<Address>;
  os?: Located<string>;
  podCidr?: Located<Cidr>;
  /** Groups, processes and pods in declaration order. */
  children: (Group | Process | Pod)[];
  /** Every process of the machine, including those inside groups (depth-first, declaration order). */
  processes: Process[];
  pods: Pod[];
}

export interface Group extends EntityBase {
  kind: 'group';
  parent: Machine | Group;
  children: (Group | Process)[];
}

export type ProcessRole = 'control-plane' | 'node' | 'other';

export interface Process extends EntityBase {
  kind: 'process';
  parent: Machine | Group | Container;
  /** Declared with `role`, else inferred from the well-known names table. */
  role: ProcessRole;
  roleLoc?: Location;
  listens: Listen[];
  connects: Connect[];
}

export type ContainerRole = 'app' | 'sidecar' | 'init';

export interface Pod extends EntityBase {
  kind: 'pod';
  parent: Machine;
  ip?: Located<Address>;
  hostNetwork: boolean;
  hostNetworkLoc?: Location;
  shareProcessNamespace: boolean;
  shareProcessNamespaceLoc?: Location;
  /** Kubernetes namespace, default `default`. */
  namespace: string;
  namespaceLoc?: Location;
  volumes: Volume[];
  containers: Container[];
}

export interface Container extends EntityBase {
  kind: 'container';
  parent: Pod;
  role: ContainerRole;
  roleLoc?: Location;
  image?: Located<string>;
  listens: Listen[];
  connects: Connect[];
  mounts: Mount[];
  processes: Process[];
}

export interface Volume extends EntityBase {
  kind: 'volume';
  parent: Pod;
  type?: Located<string>;
  hostPath?: Located<string>;
}

export type Entity = Cluster | Machine | Group | Process | Pod | Container | Volume;

export type Protocol = 'tcp' | 'udp' | 'sctp';

export interface Address {
  family: 4 | 6;
  /** Canonical text (`10.0.0.1`, `fd00::1`). */
  text: string;
  /** Numeric value (IPv4: 32 bits, IPv6: 128 bits). */
  value: bigint;
}

export interface Cidr {
  family: 4 | 6;
  /** Canonical text (`10.0.0.0/24`). */
  text: string;
  /** Network address (host bits as written; see `first`). */
  address: bigint;
  prefix: number;
  /** First and last address of the range. */
  first: bigint;
  last: bigint;
}

/** One bound port from a `listen` statement (a statement with several ports gives several). */
export interface Listen {
  port: number;
  protocol: Protocol;
  /** `host N`: the host port this container port is mapped to. */
  hostPort?: number;
  /** The listen statement. */
  loc: Location;
  owner: Process | Container;
}

export type Endpoint =
  | { kind: 'localhost'; port?: number }
  /** An IP address; `loopback` for 127.0.0.0/8 and ::1 (then it behaves like `localhost`). */
  | { kind: 'address'; address: Address; loopback: boolean; port?: number }
  /** A name path; `target` is set when it resolved (unresolved paths are model errors). */
  | { kind: 'path'; parts: string[]; target?: Entity; port?: number };

export interface Connect {
  endpoint: Endpoint;
  label?: string;
  /** The connect statement. */
  loc: Location;
  owner: Process | Container;
}

export interface Mount {
  volumeName: string;
  path: string;
  readonly: boolean;
  /** The volume of the container's own pod, when it declares one by that name. */
  volume?: Volume;
  loc: Location;
  owner: Container;
}

/** A `topodoc-disable…` comment. */
export interface Suppression {
  rules: string[];
  reason: string;
  /** Where the comment is. */
  loc: Location;
  /** `file`: the whole file; `next-line`: findings starting on `targetLine` of `loc.file`. */
  scope: 'file' | 'next-line';
  targetLine?: number;
}

export interface Topology {
  title?: string;
  description?: string;
  /** The file named by the user (as shown in diagnostics). */
  file: string;
  /** Every file read (entry first, then imports in the order they were first read). */
  files: string[];
  cluster: Cluster;
  /** Every connect statement in the model, in declaration order. */
  connections: Connect[];
  suppressions: Suppression[];
}
