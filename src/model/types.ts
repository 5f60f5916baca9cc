// The resolved topology: what rules and renderers read. No syntax tree in here — only entities,
// their typed properties (each with the location of the statement that set it) and resolved
// references. Entities are kept in declaration order; imported files merge into one model.

import type { Location } from '../diagnostics.js';

export type { Location };

export type EntityKind =
  | 'cluster'
  | 'machine'
  | 'group'
  | 'process'
  | 'pod'
  | 'container'
  | 'volume'
  | 'service'
  | 'workload';

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
  /** Services in declaration order (a file-level `service` belongs to the cluster too). */
  services: Service[];
  /** Deployments, StatefulSets and DaemonSets in declaration order. */
  workloads: Workload[];
}

/** `app=web`: one label of a pod or workload, or one term of a service's selector. */
export interface Label {
  key: string;
  value: string;
  /** The `KEY=VALUE` token, and its key and value parts (for `selector-label-syntax`). */
  loc: Location;
  keyLoc: Location;
  valueLoc: Location;
}

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'Headless';

/** One `port` of a service. */
export interface ServicePort {
  port: number;
  protocol: Protocol;
  /** The port's own name (`port 80 http`). */
  name?: string;
  /** The pods' port it forwards to: a number, or the name of a container port (`listen 8080 http`). */
  target: number | string;
  /** `node N`: the port opened on every node (NodePort, LoadBalancer). */
  nodePort?: number;
  /** The port statement. */
  loc: Location;
}

export interface Service extends EntityBase {
  kind: 'service';
  parent: Cluster;
  namespace: string;
  namespaceLoc?: Location;
  serviceType: ServiceType;
  serviceTypeLoc?: Location;
  ip?: Located<Address>;
  /** Equality terms, all of which a pod's labels must match; empty: the service selects nothing. */
  selector: Label[];
  selectorLoc?: Location;
  ports: ServicePort[];
  /** The pods (expanded, hand-written, or unscheduled templates) its selector matches, in model order. */
  selected: Pod[];
}

export type WorkloadKind = 'deployment' | 'statefulset' | 'daemonset';

/**
 * A Deployment, StatefulSet or DaemonSet: a pod template stamped out onto nodes. After expansion
 * its pods are ordinary pods on machines (`pods`); in a model with no node at all it stays a
 * template (`pods` empty) and `template` is what rules and views read.
 */
export interface Workload extends EntityBase {
  kind: 'workload';
  workloadKind: WorkloadKind;
  parent: Cluster;
  namespace: string;
  /** `replicas` (default 1); a daemonset runs one pod per eligible node. */
  replicas: number;
  replicasLoc?: Location;
  /** `on NAME, …`: the nodes it may run on, as written (empty: every node). */
  on: string[];
  onLoc?: Location;
  /** The pod template: the workload's own pod properties, volumes and containers (parent: this workload). */
  template: Pod;
  /** The pods placed on nodes, in placement order. */
  pods: Pod[];
  /**
   * True once expansion ran (the model has nodes), even when no pod could be placed; false for a
   * workload kept as a template.
   */
  placed: boolean;
  /** What stopped pods from being placed or addressed (for `workload-unplaceable`). */
  placementProblems: PlacementProblem[];
}

export type PlacementProblem =
  /** `on` names no node, or the model's nodes are not the ones it names. */
  | { kind: 'no-node' }
  /** A node's `pod-cidr` had no free address left for this pod. */
  | { kind: 'cidr-full'; pod: string; node: Machine }
  /** The model's workloads together stand for more pods than one model holds (MAX_EXPANDED_PODS). */
  | { kind: 'too-many'; limit: number };

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
  /**
   * True when the machine is declared at the file level while the file has a `cluster` block: it
   * still belongs to the model's one cluster, but is drawn outside the cluster's box (a load
   * balancer, a laptop).
   */
  outsideClusterBlock?: true;
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
  /** The machine it runs on; a workload for the workload's template. */
  parent: Machine | Workload;
  /** Kubernetes labels (a workload's pods carry the workload's). */
  labels: Label[];
  /** The workload an expanded pod (or a template) belongs to. */
  workload?: Workload;
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
  /** The object a `configMap`, `secret` or `persistentVolumeClaim` volume mounts (`type secret tls`). */
  source?: string;
  hostPath?: Located<string>;
}

export type Entity = Cluster | Machine | Group | Process | Pod | Container | Volume | Service | Workload;

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
  /** `listen 8080 http`: the port's name, which a service `target` may use. */
  name?: string;
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
  | { kind: 'path'; parts: string[]; target?: Entity; port?: number }
  /** A service by name (`web:80`, `shop.web:80`, `web.shop.svc.cluster.local:80`), resolved from a path. */
  | { kind: 'service'; service: Service; written: string; port?: number }
  /** A host outside the model (`api.example.com:443`, `https://api.example.com/v1`). */
  | { kind: 'external'; host: string; port?: number; url?: string };

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
