// The lines of text shown on each Mermaid node, subgraph title and edge, as plain user text
// (escaped later by the caller): a block's label or name, then its address, image or ports, then its note.

import { serviceAddressText, servicePortText } from '../../model/notation.js';
import type {
  Connect,
  Container,
  Entity,
  Listen,
  Machine,
  Pod,
  Service,
  Workload,
} from '../../model/types.js';

/** `:8080`, `:53/udp`, `:8080 (host 80)`. */
function formatListen(listen: Listen): string {
  const protocol = listen.protocol === 'tcp' ? '' : `/${listen.protocol}`;
  const host = listen.hostPort === undefined ? '' : ` (host ${listen.hostPort})`;
  return `:${listen.port}${protocol}${host}`;
}

function portsLine(listens: readonly Listen[]): string[] {
  return listens.length === 0 ? [] : [listens.map(formatListen).join(', ')];
}

// User text is trimmed everywhere: spaces and line breaks around it only cost room in a box.

/** The label, or the name when there is no label or it is blank (Mermaid rejects an empty label). */
function titleOf(entity: Entity): string {
  const label = (entity.label ?? '').trim();
  return label === '' ? entity.name : label;
}

function noteLine(entity: Entity): string[] {
  const note = (entity.note?.value ?? '').trim();
  return note === '' ? [] : [note];
}

function machineLines(machine: Machine): string[] {
  return machine.ip === undefined ? [] : [machine.ip.value.text];
}

function podLines(pod: Pod): string[] {
  const lines: string[] = [];
  if (pod.hostNetwork) lines.push('host network');
  else if (pod.ip !== undefined) lines.push(pod.ip.value.text);
  if (pod.namespace !== 'default') lines.push(`namespace ${pod.namespace}`);
  return lines;
}

/**
 * An image as label lines: a digest (`@sha256:…`) on a line of its own, so a long reference breaks
 * where it is made of two parts instead of at whatever hyphen the line is full.
 */
function imageLines(image: string): string[] {
  if (image === '') return [];
  const at = image.indexOf('@');
  return at <= 0 ? [image] : [image.slice(0, at), image.slice(at)];
}

function containerLines(container: Container): string[] {
  const role = container.role === 'init' ? ['init container'] : [];
  return [...role, ...imageLines((container.image?.value ?? '').trim()), ...portsLine(container.listens)];
}

function serviceLines(service: Service): string[] {
  const ports = service.ports.map((port) => servicePortText(port)).join(' · ');
  return [`service ${serviceAddressText(service)}`, ...(ports === '' ? [] : [ports])];
}

/** An unscheduled workload's title: `deployment × 3`. */
function workloadLines(workload: Workload): string[] {
  const count = workload.workloadKind === 'daemonset' ? 'one per node' : `× ${workload.replicas}`;
  return [`${workload.workloadKind} ${count}`];
}

/** What an entity's node or title shows under its label. */
function details(entity: Entity): string[] {
  switch (entity.kind) {
    case 'machine':
      return machineLines(entity);
    case 'pod':
      return podLines(entity);
    case 'container':
      return containerLines(entity);
    case 'process':
      return portsLine(entity.listens);
    case 'service':
      return serviceLines(entity);
    case 'workload':
      return workloadLines(entity);
    default:
      return [];
  }
}

/**
 * A subgraph's title on one line (`POD 1 · 10.0.0.1`): Mermaid does not make room for a title of
 * several lines, so the lines after the first would overlap the subgraph's first row.
 */
export function subgraphTitle(entity: Entity): string {
  return entityLines(entity)
    .map((line) => line.replace(/[\r\n\u2028\u2029]+/g, ' '))
    .join(' · ');
}

/** The lines of an entity's node, or the parts of its subgraph title. */
export function entityLines(entity: Entity): string[] {
  return [titleOf(entity), ...details(entity), ...noteLine(entity)];
}

/** An edge's text: the connect's label and the port it reaches (`health check (:8080)`), or nothing. */
export function connectText(connect: Connect): string | undefined {
  const port = connect.endpoint.port === undefined ? undefined : `:${connect.endpoint.port}`;
  const label = (connect.label ?? '').trim();
  if (label === '') return port;
  return port === undefined ? label : `${label} (${port})`;
}
