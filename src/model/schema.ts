// The one description of the `.topo` statement set: which block may nest in which (NESTING) and
// which property belongs where, with its value shape, multiplicity, default and canonical order
// (PROPERTIES). The builder, error messages, formatter and docs all read these tables.

import { BLOCK_KEYWORDS, type BlockKeyword } from '../parser/ast.js';

export type BlockKind = BlockKeyword;
/** Where a statement can stand: the top level of a file, or inside a block. */
export type Context = 'file' | BlockKind;

/** The blocks that stamp pods out of their body (kubernetes.md §1). */
export const WORKLOAD_KINDS = ['deployment', 'statefulset', 'daemonset'] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

/** Which blocks may appear directly inside each context (language.md §3), in the grammar's order. */
export const NESTING: Readonly<Record<Context, readonly BlockKind[]>> = {
  file: ['cluster', 'machine', 'service', ...WORKLOAD_KINDS],
  cluster: ['machine', 'service', ...WORKLOAD_KINDS],
  machine: ['group', 'process', 'pod'],
  group: ['group', 'process'],
  process: [],
  pod: ['volume', 'container'],
  container: ['process'],
  volume: [],
  service: [],
  deployment: ['volume', 'container'],
  statefulset: ['volume', 'container'],
  daemonset: ['volume', 'container'],
};

/** Blocks that hold what a pod holds: pods and the workloads' pod templates. */
const POD_LIKE: readonly Context[] = ['pod', ...WORKLOAD_KINDS];
/** Blocks that live in a Kubernetes namespace. */
const NAMESPACED: readonly Context[] = ['pod', 'service', ...WORKLOAD_KINDS];

/** The `type` of a service (`Headless` is a ClusterIP service without a cluster IP). */
export const SERVICE_TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'Headless'] as const;

/**
 * The volume sources of a Kubernetes pod (the fields of `core/v1` Volume besides `name`, Kubernetes
 * 1.30); a test holds this list to the `kubernetes-types` package.
 */
export const VOLUME_TYPES = [
  'awsElasticBlockStore',
  'azureDisk',
  'azureFile',
  'cephfs',
  'cinder',
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'fc',
  'flexVolume',
  'flocker',
  'gcePersistentDisk',
  'gitRepo',
  'glusterfs',
  'hostPath',
  'iscsi',
  'nfs',
  'persistentVolumeClaim',
  'photonPersistentDisk',
  'portworxVolume',
  'projected',
  'quobyte',
  'rbd',
  'scaleIO',
  'secret',
  'storageos',
  'vsphereVolume',
] as const;

/** Volume types that name the object they mount: `type secret nginxsecret` (its secretName, name or claimName). */
export const VOLUME_SOURCE_NAMES: Readonly<Partial<Record<(typeof VOLUME_TYPES)[number], string>>> = {
  configMap: 'the ConfigMap',
  secret: 'the Secret',
  persistentVolumeClaim: 'the PersistentVolumeClaim',
};

export type ValueShape =
  | { type: 'string' }
  | { type: 'cidr' }
  /** An IPv4 address (a bracketed IPv6 address is accepted as an extension). */
  | { type: 'ipv4' }
  | { type: 'enum'; members: readonly string[] }
  | { type: 'name' }
  /** PORTSPEC [NAME] {`,` PORTSPEC [NAME]} [`host` INT]. */
  | { type: 'ports' }
  /** PORTSPEC [NAME] [`target` INT|NAME] [`node` INT]: one port of a service. */
  | { type: 'service-port' }
  /** KEY=VALUE {`,` KEY=VALUE}: labels, or a selector's terms. */
  | { type: 'labels' }
  /** NAME {`,` NAME}. */
  | { type: 'names' }
  /** A whole number, 0 or more. */
  | { type: 'count' }
  /** A Kubernetes volume type (`members`), then the name of its source for the `named` types. */
  | { type: 'volume-type'; members: readonly string[]; named: readonly string[] }
  /** ENDPOINT [STRING]. */
  | { type: 'endpoint' }
  /** NAME `at` STRING [`readonly`]. */
  | { type: 'mount' }
  /** [`true` | `false`]; no value means true. */
  | { type: 'boolean' };

export interface PropertySpec {
  name: string;
  /** The contexts that allow the property with this shape. */
  contexts: readonly Context[];
  shape: ValueShape;
  /** How the statement is written, for messages and docs. */
  usage: string;
  /** True when the property may be written several times on one block. */
  repeatable: boolean;
  /** The value when the property is absent, as the user would write it. */
  default?: string;
  description: string;
}

const ALL_BLOCKS: readonly BlockKind[] = BLOCK_KEYWORDS;

/**
 * Every property and file-level statement. The table order is the canonical order within every
 * context (the formatter sorts properties by it); a name listed twice (`role`) has a different
 * shape per block.
 */
export const PROPERTIES: readonly PropertySpec[] = [
  {
    name: 'title',
    contexts: ['file'],
    shape: { type: 'string' },
    usage: 'title STRING',
    repeatable: false,
    description: 'Title of the generated document.',
  },
  {
    name: 'description',
    contexts: ['file'],
    shape: { type: 'string' },
    usage: 'description STRING',
    repeatable: false,
    description: 'Introductory paragraph of the generated document.',
  },
  {
    name: 'import',
    contexts: ['file'],
    shape: { type: 'string' },
    usage: 'import STRING',
    repeatable: true,
    description: 'Merges the top-level statements of another file, relative to this one.',
  },
  {
    name: 'note',
    contexts: ALL_BLOCKS,
    shape: { type: 'string' },
    usage: 'note STRING',
    repeatable: false,
    description: 'Short annotation, drawn as `← note` in trees and under a box title.',
  },
  {
    name: 'doc',
    contexts: ALL_BLOCKS,
    shape: { type: 'string' },
    usage: 'doc STRING',
    repeatable: false,
    description: 'Markdown paragraph placed in the generated document under the entity.',
  },
  {
    name: 'kind',
    contexts: ['machine'],
    shape: { type: 'enum', members: ['physical', 'vm', 'cloud'] },
    usage: 'kind physical|vm|cloud',
    repeatable: false,
    default: 'vm',
    description: 'What the machine is.',
  },
  {
    name: 'namespace',
    contexts: NAMESPACED,
    shape: { type: 'name' },
    usage: 'namespace NAME',
    repeatable: false,
    default: 'default',
    description: 'Kubernetes namespace of the pod, service or workload.',
  },
  {
    name: 'type',
    contexts: ['service'],
    shape: { type: 'enum', members: SERVICE_TYPES },
    usage: 'type ClusterIP|NodePort|LoadBalancer|Headless',
    repeatable: false,
    default: 'ClusterIP',
    description: 'How the service is exposed; `Headless` has no cluster IP (DNS names its pods).',
  },
  {
    name: 'replicas',
    contexts: ['deployment', 'statefulset'],
    shape: { type: 'count' },
    usage: 'replicas INT',
    repeatable: false,
    default: '1',
    description: 'How many pods the workload runs (a daemonset runs one on each of its nodes).',
  },
  {
    name: 'on',
    contexts: WORKLOAD_KINDS,
    shape: { type: 'names' },
    usage: 'on NAME {, NAME}',
    repeatable: false,
    default: 'every node, in declaration order',
    description: 'The nodes the workload may run on, in the order its pods are placed.',
  },
  {
    name: 'labels',
    contexts: POD_LIKE,
    shape: { type: 'labels' },
    usage: 'labels KEY=VALUE {, KEY=VALUE}',
    repeatable: false,
    description: 'Kubernetes labels of the pod (of every pod of a workload); services select pods by them.',
  },
  {
    name: 'image',
    contexts: ['container'],
    shape: { type: 'string' },
    usage: 'image STRING',
    repeatable: false,
    description: 'Container image reference.',
  },
  {
    name: 'type',
    contexts: ['volume'],
    shape: { type: 'volume-type', members: VOLUME_TYPES, named: Object.keys(VOLUME_SOURCE_NAMES) },
    usage: 'type VOLUME-TYPE [SOURCE-NAME]',
    repeatable: false,
    description:
      'Kubernetes volume type (`emptyDir`, `hostPath`, `configMap`, `secret`, `persistentVolumeClaim`, …); `configMap`, `secret` and `persistentVolumeClaim` may name their source (`type secret tls-cert`).',
  },
  {
    name: 'role',
    contexts: ['process'],
    shape: { type: 'enum', members: ['control-plane', 'node', 'other'] },
    usage: 'role control-plane|node|other',
    repeatable: false,
    default: 'inferred from the well-known process names, else `other`',
    description: 'Which part of Kubernetes the process belongs to.',
  },
  {
    name: 'role',
    contexts: ['container'],
    shape: { type: 'enum', members: ['app', 'sidecar', 'init'] },
    usage: 'role app|sidecar|init',
    repeatable: false,
    default: 'app',
    description: 'What the container does in its pod.',
  },
  {
    name: 'ip',
    contexts: ['machine', 'pod', 'service'],
    shape: { type: 'ipv4' },
    usage: 'ip IPV4',
    repeatable: false,
    description: "The machine's address; the pod's own IP; the service's cluster IP.",
  },
  {
    name: 'selector',
    contexts: ['service'],
    shape: { type: 'labels' },
    usage: 'selector KEY=VALUE {, KEY=VALUE}',
    repeatable: false,
    description: 'The labels a pod must carry (all of them) for the service to send it traffic.',
  },
  {
    name: 'os',
    contexts: ['machine'],
    shape: { type: 'string' },
    usage: 'os STRING',
    repeatable: false,
    description: 'Operating system label.',
  },
  {
    name: 'pod-cidr',
    contexts: ['cluster', 'machine'],
    shape: { type: 'cidr' },
    usage: 'pod-cidr CIDR',
    repeatable: false,
    description: 'The range pod IPs are taken from (cluster-wide / on this node).',
  },
  {
    name: 'service-cidr',
    contexts: ['cluster'],
    shape: { type: 'cidr' },
    usage: 'service-cidr CIDR',
    repeatable: false,
    description: 'The range of service IPs.',
  },
  {
    name: 'host-network',
    contexts: POD_LIKE,
    shape: { type: 'boolean' },
    usage: 'host-network [true|false]',
    repeatable: false,
    default: 'false',
    description: "The pod shares its machine's network namespace.",
  },
  {
    name: 'share-process-namespace',
    contexts: POD_LIKE,
    shape: { type: 'boolean' },
    usage: 'share-process-namespace [true|false]',
    repeatable: false,
    default: 'false',
    description: "Containers of the pod see each other's processes.",
  },
  {
    name: 'listen',
    contexts: ['process', 'container'],
    shape: { type: 'ports' },
    usage: 'listen PORT[/PROTOCOL] [NAME] {, PORT[/PROTOCOL] [NAME]} [host PORT]',
    repeatable: true,
    description:
      'Ports bound, each with an optional name (a service `target` may use it); `host N` maps a single container port to host port N.',
  },
  {
    name: 'port',
    contexts: ['service'],
    shape: { type: 'service-port' },
    usage: 'port PORT[/PROTOCOL] [NAME] [target PORT|NAME] [node PORT]',
    repeatable: true,
    description:
      "A port of the service: the pods' port it forwards to (`target`, a number or a container port name; default the same number) and, for NodePort and LoadBalancer services, the port on every node (`node`).",
  },
  {
    name: 'connect',
    contexts: ['process', 'container'],
    shape: { type: 'endpoint' },
    usage: 'connect ENDPOINT [STRING]',
    repeatable: true,
    description:
      'A connection this one opens, with an optional label: `HOST:PORT`, a name path, a service (`web:80`, `shop.web:80`, `web.shop.svc.cluster.local:80`), an external host (`api.example.com:443`) or a URL.',
  },
  {
    name: 'mount',
    contexts: ['container'],
    shape: { type: 'mount' },
    usage: 'mount NAME at STRING [readonly]',
    repeatable: true,
    description: 'Mounts a volume of its own pod at a path.',
  },
  {
    name: 'path',
    contexts: ['volume'],
    shape: { type: 'string' },
    usage: 'path STRING',
    repeatable: false,
    description: 'Host path for `hostPath` volumes.',
  },
];

/** The properties a context allows, in canonical order. */
export function propertiesOf(context: Context): PropertySpec[] {
  return PROPERTIES.filter((spec) => spec.contexts.includes(context));
}

/** Per context, property name → its spec (the first in table order), built once: the builder asks per statement. */
const SPECS_BY_CONTEXT = new Map<Context, Map<string, PropertySpec>>(
  (Object.keys(NESTING) as Context[]).map((context) => {
    const specs = new Map<string, PropertySpec>();
    for (const spec of propertiesOf(context)) if (!specs.has(spec.name)) specs.set(spec.name, spec);
    return [context, specs];
  }),
);

/** The spec of property `name` in `context`, if that context allows it. */
export function findProperty(context: Context, name: string): PropertySpec | undefined {
  return SPECS_BY_CONTEXT.get(context)?.get(name);
}

/** Position of a property in its context's canonical order; unknown names sort last. */
export function propertyRank(context: Context, name: string): number {
  const index = propertiesOf(context).findIndex((spec) => spec.name === name);
  return index === -1 ? Number.MAX_SAFE_INTEGER : index;
}

/** Every property name known in any context, without repeats, in table order. */
export function allPropertyNames(): string[] {
  return [...new Set(PROPERTIES.map((spec) => spec.name))];
}
