// The one description of the `.topo` statement set: which block may nest in which (NESTING) and
// which property belongs where, with its value shape, multiplicity, default and canonical order
// (PROPERTIES). The builder, error messages, formatter and docs all read these tables.

import { BLOCK_KEYWORDS, type BlockKeyword } from '../parser/ast.js';

export type BlockKind = BlockKeyword;
/** Where a statement can stand: the top level of a file, or inside a block. */
export type Context = 'file' | BlockKind;

/** Which blocks may appear directly inside each context (language.md §3), in the grammar's order. */
export const NESTING: Readonly<Record<Context, readonly BlockKind[]>> = {
  file: ['cluster', 'machine'],
  cluster: ['machine'],
  machine: ['group', 'process', 'pod'],
  group: ['group', 'process'],
  process: [],
  pod: ['volume', 'container'],
  container: ['process'],
  volume: [],
};

export type ValueShape =
  | { type: 'string' }
  | { type: 'cidr' }
  /** An IPv4 address (a bracketed IPv6 address is accepted as an extension). */
  | { type: 'ipv4' }
  | { type: 'enum'; members: readonly string[] }
  | { type: 'name' }
  /** PORTSPEC {`,` PORTSPEC} [`host` INT]. */
  | { type: 'ports' }
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
    contexts: ['pod'],
    shape: { type: 'name' },
    usage: 'namespace NAME',
    repeatable: false,
    default: 'default',
    description: 'Kubernetes namespace of the pod.',
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
    shape: { type: 'name' },
    usage: 'type NAME',
    repeatable: false,
    description: 'Volume type: `emptyDir`, `hostPath`, `configMap`, `secret`, `persistentVolumeClaim`, …',
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
    contexts: ['machine', 'pod'],
    shape: { type: 'ipv4' },
    usage: 'ip IPV4',
    repeatable: false,
    description: "The machine's address; the pod's own IP.",
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
    contexts: ['pod'],
    shape: { type: 'boolean' },
    usage: 'host-network [true|false]',
    repeatable: false,
    default: 'false',
    description: "The pod shares its machine's network namespace.",
  },
  {
    name: 'share-process-namespace',
    contexts: ['pod'],
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
    usage: 'listen PORT[/PROTOCOL] {, PORT[/PROTOCOL]} [host PORT]',
    repeatable: true,
    description: 'Ports bound; `host N` maps a single container port to host port N.',
  },
  {
    name: 'connect',
    contexts: ['process', 'container'],
    shape: { type: 'endpoint' },
    usage: 'connect ENDPOINT [STRING]',
    repeatable: true,
    description: 'A connection this one opens (`HOST:PORT` or a name path), with an optional label.',
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
