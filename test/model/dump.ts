// Text form of a LoadResult for golden files: the diagnostics (related locations indented), then
// the model tree with defaults and resolved references, the connections and the suppressions.

import { formatDiagnosticLine, formatRange } from '../../src/diagnostics.js';
import type { LoadResult } from '../../src/model/index.js';
import type {
  Connect,
  Endpoint,
  Entity,
  Group,
  Machine,
  Pod,
  Process,
  Service,
} from '../../src/model/types.js';

export function dumpDiagnostics(result: LoadResult): string[] {
  const lines: string[] = [];
  for (const diagnostic of result.diagnostics) {
    lines.push(formatDiagnosticLine(diagnostic));
    for (const related of diagnostic.related ?? []) {
      lines.push(`  related ${related.file}:${formatRange(related.range)}: ${related.message}`);
    }
  }
  return lines;
}

function endpointText(endpoint: Endpoint): string {
  const port = endpoint.port === undefined ? '' : `:${endpoint.port}`;
  switch (endpoint.kind) {
    case 'localhost':
      return `localhost${port}`;
    case 'address':
      return `${endpoint.address.text}${port}${endpoint.loopback ? ' (loopback)' : ''}`;
    case 'path': {
      const target = endpoint.target ? `${endpoint.target.kind} ${endpoint.target.path}` : 'UNRESOLVED';
      return `${endpoint.parts.join('.')}${port} => ${target}`;
    }
    case 'service':
      return `${endpoint.written}${port} => service ${endpoint.service.path}`;
    case 'external':
      return `${endpoint.url ?? endpoint.host}${port} => external ${endpoint.host}`;
  }
}

function connectText(connect: Connect): string {
  return `connect ${endpointText(connect.endpoint)}${connect.label === undefined ? '' : ` "${connect.label}"`}`;
}

function header(entity: Entity, details: string[]): string {
  const label = entity.label === undefined ? '' : ` "${entity.label}"`;
  const extra = details.filter((detail) => detail !== '');
  return `${entity.kind} ${entity.path}${label}${extra.length > 0 ? ` ${extra.join(' ')}` : ''}`;
}

function annotations(entity: Entity, indent: string, lines: string[]): void {
  if (entity.note) lines.push(`${indent}note "${entity.note.value}"`);
  if (entity.doc) lines.push(`${indent}doc ${JSON.stringify(entity.doc.value)}`);
}

function dumpProcess(process: Process, indent: string, lines: string[]): void {
  lines.push(`${indent}${header(process, [`role=${process.role}${process.roleLoc ? '' : ' (default)'}`])}`);
  annotations(process, `${indent}  `, lines);
  for (const listen of process.listens) lines.push(`${indent}  listen ${listen.port}/${listen.protocol}`);
  for (const connect of process.connects) lines.push(`${indent}  ${connectText(connect)}`);
}

function dumpGroup(group: Group, indent: string, lines: string[]): void {
  lines.push(`${indent}${header(group, [])}`);
  annotations(group, `${indent}  `, lines);
  for (const child of group.children) {
    if (child.kind === 'group') dumpGroup(child, `${indent}  `, lines);
    else dumpProcess(child, `${indent}  `, lines);
  }
}

function dumpPod(pod: Pod, indent: string, lines: string[]): void {
  const details = [
    `namespace=${pod.namespace}${pod.namespaceLoc ? '' : ' (default)'}`,
    pod.ip ? `ip=${pod.ip.value.text}` : '',
    pod.hostNetwork ? 'host-network' : '',
    pod.shareProcessNamespace ? 'share-process-namespace' : '',
    pod.labels.length > 0
      ? `labels=${pod.labels.map((label) => `${label.key}=${label.value}`).join(',')}`
      : '',
    pod.workload ? `from=${pod.workload.workloadKind}/${pod.workload.name}` : '',
  ];
  lines.push(`${indent}${header(pod, details)}`);
  annotations(pod, `${indent}  `, lines);
  for (const volume of pod.volumes) {
    const type = volume.type ? `type=${volume.type.value}${volume.source ? `(${volume.source})` : ''}` : '';
    const hostPath = volume.hostPath ? `path=${volume.hostPath.value}` : '';
    lines.push(`${indent}  ${header(volume, [type, hostPath])}`);
  }
  for (const container of pod.containers) {
    const image = container.image ? `image=${container.image.value}` : '';
    lines.push(
      `${indent}  ${header(container, [`role=${container.role}${container.roleLoc ? '' : ' (default)'}`, image])}`,
    );
    annotations(container, `${indent}    `, lines);
    for (const listen of container.listens) {
      const host = listen.hostPort === undefined ? '' : ` host ${listen.hostPort}`;
      const name = listen.name === undefined ? '' : ` ${listen.name}`;
      lines.push(`${indent}    listen ${listen.port}/${listen.protocol}${name}${host}`);
    }
    for (const connect of container.connects) lines.push(`${indent}    ${connectText(connect)}`);
    for (const mount of container.mounts) {
      const volume = mount.volume ? `volume ${mount.volume.path}` : 'UNDECLARED';
      lines.push(
        `${indent}    mount ${mount.volumeName} at ${mount.path}${mount.readonly ? ' readonly' : ''} => ${volume}`,
      );
    }
    for (const process of container.processes) dumpProcess(process, `${indent}    `, lines);
  }
}

function dumpMachine(machine: Machine, lines: string[]): void {
  const details = [
    `kind=${machine.machineKind}${machine.machineKindLoc ? '' : ' (default)'}`,
    machine.ip ? `ip=${machine.ip.value.text}` : '',
    machine.podCidr ? `pod-cidr=${machine.podCidr.value.text}` : '',
    machine.os ? `os="${machine.os.value}"` : '',
  ];
  lines.push(`  ${header(machine, details)}`);
  annotations(machine, '    ', lines);
  for (const child of machine.children) {
    if (child.kind === 'group') dumpGroup(child, '    ', lines);
    else if (child.kind === 'process') dumpProcess(child, '    ', lines);
    else dumpPod(child, '    ', lines);
  }
  lines.push(`    processes: ${machine.processes.map((process) => process.name).join(', ') || '-'}`);
}

function dumpService(service: Service, lines: string[]): void {
  const details = [
    `namespace=${service.namespace}`,
    `type=${service.serviceType}`,
    service.ip ? `ip=${service.ip.value.text}` : '',
    `selector=${service.selector.map((term) => `${term.key}=${term.value}`).join(',') || '-'}`,
  ];
  lines.push(`  ${header(service, details)}`);
  for (const port of service.ports) {
    const name = port.name === undefined ? '' : ` ${port.name}`;
    const node = port.nodePort === undefined ? '' : ` node ${port.nodePort}`;
    lines.push(`    port ${port.port}/${port.protocol}${name} target ${port.target}${node}`);
  }
  lines.push(`    selects: ${service.selected.map((pod) => pod.path).join(', ') || '-'}`);
}

export function dumpModel(result: LoadResult): string[] {
  const { model } = result;
  const lines: string[] = [];
  if (model.title !== undefined) lines.push(`title "${model.title}"`);
  if (model.description !== undefined) lines.push(`description "${model.description}"`);
  lines.push(`files: ${model.files.join(', ')}`);
  const cluster = model.cluster;
  const cidrs = [
    cluster.podCidr ? `pod-cidr=${cluster.podCidr.value.text}` : '',
    cluster.serviceCidr ? `service-cidr=${cluster.serviceCidr.value.text}` : '',
    cluster.implicit ? '(implicit)' : '',
  ];
  lines.push(header(cluster, cidrs));
  for (const machine of cluster.machines) dumpMachine(machine, lines);
  for (const service of cluster.services) dumpService(service, lines);
  for (const workload of cluster.workloads) {
    const where = workload.placed
      ? workload.pods.map((pod) => pod.path).join(', ') || 'nowhere'
      : 'unscheduled';
    const problems = workload.placementProblems.map((problem) =>
      problem.kind === 'no-node'
        ? 'no eligible node'
        : problem.kind === 'too-many'
          ? `more than ${problem.limit} pods`
          : `${problem.pod}: ${problem.node.name} pod-cidr full`,
    );
    lines.push(
      `  ${header(workload, [workload.workloadKind, `replicas=${workload.replicas}`, workload.on.length > 0 ? `on=${workload.on.join(',')}` : ''])} => ${where}${problems.length > 0 ? ` (${problems.join('; ')})` : ''}`,
    );
    if (!workload.placed) dumpPod(workload.template, '    ', lines);
  }
  lines.push('connections:');
  for (const connect of model.connections) lines.push(`  ${connect.owner.path}: ${connectText(connect)}`);
  for (const suppression of model.suppressions) {
    const where = suppression.scope === 'file' ? 'whole file' : `line ${suppression.targetLine ?? '?'}`;
    lines.push(
      `suppress ${suppression.rules.join(', ')} in ${suppression.loc.source.file} ${where} -- ${suppression.reason}`,
    );
  }
  return lines;
}

/** The whole golden text, ending with a newline. */
export function dumpLoadResult(result: LoadResult): string {
  const diagnostics = dumpDiagnostics(result);
  return [
    '# diagnostics',
    ...(diagnostics.length > 0 ? diagnostics : ['(none)']),
    '# model',
    ...dumpModel(result),
    '',
  ].join('\n');
}
