// The inventory tables of the generated document (GFM tables as mdast): a machine's processes,
// a pod's containers and the topology's connections. Every cell is one line of escaped text.

import type { PhrasingContent, Table, TableCell } from 'mdast';
import {
  endpointText,
  listenText,
  serviceAddressText,
  servicePortText,
  workloadCountText,
} from '../../model/notation.js';
import type {
  Connect,
  Container,
  Listen,
  Machine,
  Mount,
  Pod,
  Process,
  Service,
  Topology,
  Workload,
} from '../../model/types.js';
import { inlineText } from './user-text.js';

type Cell = PhrasingContent[];

const NONE: Cell = [{ type: 'text', value: '—' }];

const PROCESS_ROLES: Record<Process['role'], string> = {
  'control-plane': 'control plane',
  node: 'node',
  other: 'other',
};

export function processesTable(machine: Machine): Table {
  return table(
    ['Process', 'Role', 'Listens', 'Connects'],
    machine.processes.map((process) => [
      nameCell(process),
      text(PROCESS_ROLES[process.role]),
      listensCell(process.listens),
      connectsCell(process.connects),
    ]),
  );
}

export function containersTable(pod: Pod): Table {
  return table(
    ['Container', 'Role', 'Image', 'Ports', 'Mounts'],
    pod.containers.map((container: Container) => [
      nameCell(container),
      text(container.role),
      container.image === undefined ? NONE : code(container.image.value),
      listensCell(container.listens),
      mountsCell(container.mounts),
    ]),
  );
}

/** Name, type, IP, ports → targets, and the pods the selector picks. */
export function servicesTable(services: readonly Service[]): Table {
  return table(
    ['Service', 'Namespace', 'Type', 'IP', 'Ports', 'Selector', 'Pods'],
    services.map((service) => [
      nameCell(service),
      code(service.namespace),
      text(service.serviceType),
      text(serviceAddressText(service)),
      service.ports.length === 0 ? NONE : text(service.ports.map((port) => servicePortText(port)).join(', ')),
      service.selector.length === 0
        ? NONE
        : code(service.selector.map((term) => `${term.key}=${term.value}`).join(', ')),
      service.selected.length === 0 ? NONE : code(service.selected.map((pod) => pod.path).join(', ')),
    ]),
  );
}

/** Kind, replicas, and where each pod landed with its IP (or `not scheduled`). */
export function workloadsTable(workloads: readonly Workload[]): Table {
  return table(
    ['Workload', 'Kind', 'Namespace', 'Replicas', 'Pods (IP)'],
    workloads.map((workload) => [
      nameCell(workload),
      text(workload.workloadKind),
      code(workload.namespace),
      text(workloadCountText(workload)),
      workload.pods.length === 0
        ? text(workload.placed ? 'no node to run on' : 'not scheduled: the model has no node')
        : text(
            workload.pods
              .map(
                (pod) =>
                  `${pod.path} (${pod.hostNetwork ? 'host network' : (pod.ip?.value.text ?? 'no IP')})`,
              )
              .join(', '),
          ),
    ]),
  );
}

export function connectionsTable(model: Topology): Table {
  return table(
    ['From', 'To', 'Port', 'Label'],
    model.connections.map((connect: Connect) => [
      code(connect.owner.path),
      code(endpointText({ ...connect.endpoint, port: undefined })),
      connect.endpoint.port === undefined ? NONE : text(String(connect.endpoint.port)),
      connect.label === undefined || inlineText(connect.label) === '' ? NONE : text(connect.label),
    ]),
  );
}

/** `label (`name`)`, or the name alone. */
export function nameCell(entity: { name: string; label?: string }): Cell {
  const label = entity.label === undefined ? '' : inlineText(entity.label);
  if (label === '' || label === entity.name) return code(entity.name);
  return [{ type: 'text', value: `${label} (` }, ...code(entity.name), { type: 'text', value: ')' }];
}

function listensCell(listens: readonly Listen[]): Cell {
  return listens.length === 0 ? NONE : joined(listens.map((listen) => code(listenText(listen))));
}

function connectsCell(connects: readonly Connect[]): Cell {
  if (connects.length === 0) return NONE;
  return joined(
    connects.map((connect) => {
      const label = connect.label === undefined ? '' : inlineText(connect.label);
      const target = code(endpointText(connect.endpoint));
      return label === '' ? target : [...target, { type: 'text', value: ` (${label})` }];
    }),
  );
}

function mountsCell(mounts: readonly Mount[]): Cell {
  if (mounts.length === 0) return NONE;
  return joined(
    mounts.map((mount) => [
      ...code(mount.volumeName),
      ...volumeSource(mount),
      { type: 'text', value: ' at ' },
      ...code(mount.path),
      ...(mount.readonly ? [{ type: 'text' as const, value: ' (read-only)' }] : []),
    ]),
  );
}

/** ` (emptyDir)`, ` (secret web-tls)`: the mounted volume's type and source, when declared. */
function volumeSource(mount: Mount): Cell {
  const type = mount.volume?.type?.value;
  if (type === undefined) return [];
  const source = mount.volume?.source === undefined ? '' : ` ${mount.volume.source}`;
  return [{ type: 'text', value: ` (${type}${source})` }];
}

function joined(cells: readonly Cell[]): Cell {
  return cells.flatMap((cell, index) =>
    index === 0 ? cell : [{ type: 'text' as const, value: ', ' }, ...cell],
  );
}

function text(value: string): Cell {
  return [{ type: 'text', value: inlineText(value) }];
}

function code(value: string): Cell {
  return [{ type: 'inlineCode', value: inlineText(value) }];
}

function table(headers: readonly string[], rows: readonly Cell[][]): Table {
  const row = (cells: readonly Cell[]) => ({
    type: 'tableRow' as const,
    children: cells.map((children): TableCell => ({ type: 'tableCell', children: [...children] })),
  });
  return {
    type: 'table',
    align: headers.map(() => null),
    children: [row(headers.map((header) => text(header))), ...rows.map(row)],
  };
}
