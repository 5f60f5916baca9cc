// A pod spec as the statements of a `pod` block (or of a workload's template): pod properties,
// volumes (typed by their source) and containers (init containers `role init`, restartable init
// containers `role sidecar`) with their ports, host ports and mounts.

import type { Container, ContainerPort, PodSpec, Volume, VolumeMount } from 'kubernetes-types/core/v1.js';
import type { Statement, Value } from '../parser/ast.js';
import type { Field } from './fields.js';
import { labelFor, NameScope, topoName } from './names.js';
import { address, block, integer, port, property, string, word } from './tree.js';

export interface PodParts {
  spec: Field<PodSpec>;
  /** `metadata.namespace`, when written. */
  namespace?: Field<string> | undefined;
  /** `status.podIP` of a running pod. */
  ip?: Field<string> | undefined;
}

/** The body of the pod block: properties, then volumes, then init containers and containers. */
export function podStatements(parts: PodParts): Statement[] {
  const { spec } = parts;
  const statements: Statement[] = [];
  const namespace = parts.namespace?.string();
  if (namespace !== undefined && namespace !== 'default' && parts.namespace) {
    statements.push(
      property('namespace', parts.namespace, [word(topoName(namespace), parts.namespace.span)]),
    );
  }
  const ip = parts.ip?.string();
  if (ip !== undefined && parts.ip) statements.push(property('ip', parts.ip, [address(ip, parts.ip.span)]));
  for (const [key, name] of [
    ['hostNetwork', 'host-network'],
    ['shareProcessNamespace', 'share-process-namespace'],
  ] as const) {
    const flag = spec.get(key);
    if (flag?.boolean() === true) statements.push(property(name, flag, []));
  }
  // Containers and volumes are siblings in the model; Kubernetes keeps their names apart.
  const names = new NameScope();
  const containers = [
    ...(spec.get('initContainers')?.items() ?? []).map((field) => ({ field, init: true })),
    ...(spec.require('containers')?.items() ?? []).map((field) => ({ field, init: false })),
  ];
  for (const { field } of containers) {
    const name = field.get('name')?.string();
    if (name !== undefined) names.name(name);
  }
  const volumes = (spec.get('volumes')?.items() ?? []).flatMap((volume) => volumeBlock(volume, names));
  statements.push(...volumes);
  for (const { field, init } of containers) {
    const container = containerBlock(field, init, names);
    if (container) statements.push(container);
  }
  return statements;
}

function containerBlock(container: Field<Container>, init: boolean, names: NameScope): Statement | undefined {
  const nameField = container.require('name');
  const original = nameField?.string();
  if (original === undefined || nameField === undefined) return undefined;
  const name = names.name(original);
  const body: Statement[] = [];
  const image = container.get('image');
  const imageText = image?.string();
  if (image && imageText !== undefined) body.push(property('image', image, [string(imageText, image.span)]));
  const role = init ? initRole(container) : undefined;
  if (role) body.push(property('role', role.at, [word(role.role, role.at.span)]));
  for (const item of container.get('ports')?.items() ?? []) {
    const listen = listenStatement(item);
    if (listen) body.push(listen);
  }
  for (const mount of container.get('volumeMounts')?.items() ?? []) {
    const statement = mountStatement(mount, names);
    if (statement) body.push(statement);
  }
  return block({ keyword: 'container', name, label: labelFor(original, name), at: nameField, body });
}

/** An init container is `role init`; one with `restartPolicy: Always` is a sidecar (Kubernetes 1.29+). */
function initRole(container: Field<Container>): { role: 'init' | 'sidecar'; at: Field<unknown> } {
  const restartPolicy = container.get('restartPolicy');
  if (restartPolicy?.string() === 'Always') return { role: 'sidecar', at: restartPolicy };
  return { role: 'init', at: container.get('name') ?? container };
}

/** `listen PORT[/PROTOCOL] [NAME] [host HOSTPORT]`, at the `containerPort` field. */
function listenStatement(item: Field<ContainerPort>): Statement | undefined {
  const containerPort = item.require('containerPort');
  const values = containerPort && namedPort(item, containerPort);
  if (containerPort === undefined || values === undefined) return undefined;
  const hostPort = item.get('hostPort');
  const hostNumber = hostPort?.integer();
  if (hostPort && hostNumber !== undefined) {
    values.push(word('host', hostPort.keySpan), integer(hostNumber, hostPort.span));
  }
  return property('listen', containerPort, values);
}

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'] as const;
/** Words of the `listen` and `port` statements that a port name cannot be. */
const KEYWORDS = new Set(['host', 'target', 'node']);

/**
 * `PORT[/PROTOCOL] [NAME]` of a container or service port (tcp is not written); a named port
 * (`name: http`) is what a Service's `targetPort: http` refers to. Undefined when unreadable.
 */
export function namedPort(
  item: Field<{ protocol?: string; name?: string }>,
  portField: Field<number>,
): Value[] | undefined {
  const number = portField.integer();
  const protocolField = item.get('protocol');
  const protocol = protocolField ? protocolField.member(PROTOCOLS) : 'TCP';
  if (number === undefined || protocol === undefined) return undefined;
  const values: Value[] = [port(number, protocol, portField.span)];
  const name = item.get('name');
  const text = name?.string();
  if (name && text !== undefined && !KEYWORDS.has(text)) values.push(word(topoName(text), name.span));
  return values;
}

/** `mount VOLUME at "PATH" [readonly]`, at the mount's `name` field. */
function mountStatement(mount: Field<VolumeMount>, names: NameScope): Statement | undefined {
  const nameField = mount.require('name');
  const volume = nameField?.string();
  const pathField = mount.require('mountPath');
  const path = pathField?.string();
  if (volume === undefined || nameField === undefined || path === undefined || pathField === undefined) {
    return undefined;
  }
  const values: Value[] = [
    word(names.nameOf(`volume:${volume}`) ?? topoName(volume), nameField.span),
    word('at', pathField.keySpan),
    string(path, pathField.span),
  ];
  const readOnly = mount.get('readOnly');
  if (readOnly?.boolean() === true) values.push(word('readonly', readOnly.keySpan));
  return property('mount', nameField, values);
}

/** The field naming the object a volume source mounts. */
const SOURCE_NAME_KEYS: Readonly<Record<string, string>> = {
  configMap: 'name',
  secret: 'secretName',
  persistentVolumeClaim: 'claimName',
};

/** `volume NAME { type SOURCE; path "…" }`: the source is the volume's one key besides `name`. */
function volumeBlock(volume: Field<Volume>, names: NameScope): Statement[] {
  const nameField = volume.require('name');
  const original = nameField?.string();
  if (original === undefined || nameField === undefined) return [];
  const name = names.name(original, { key: `volume:${original}`, suffix: 'volume' });
  const body: Statement[] = [];
  const source = volume.keys().find((key) => key !== 'name');
  // With no source Kubernetes defaults to an emptyDir.
  const sourceField =
    source === undefined ? nameField : (volume.get(source as keyof Volume & string) ?? nameField);
  const typeValues: Value[] = [word(source ?? 'emptyDir', sourceField.keySpan)];
  // The object it mounts: `type secret nginxsecret`, `type persistentVolumeClaim data`.
  const sourceKey = source === undefined ? undefined : SOURCE_NAME_KEYS[source];
  const sourceName =
    sourceKey === undefined ? undefined : (sourceField as Field<Record<string, string>>).get(sourceKey);
  const sourceText = sourceName?.string();
  if (sourceName && sourceText !== undefined) typeValues.push(word(topoName(sourceText), sourceName.span));
  body.push(property('type', sourceField, typeValues));
  if (source === 'hostPath') {
    const path = volume.get('hostPath')?.get('path');
    const text = path?.string();
    if (path && text !== undefined) body.push(property('path', path, [string(text, path.span)]));
  }
  return [block({ keyword: 'volume', name, label: labelFor(original, name), at: nameField, body })];
}
