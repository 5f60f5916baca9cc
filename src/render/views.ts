// One named view of a model as Markdown (mdast) nodes: what `topodoc embed` regions and the remark
// plugin insert. ASCII views become ```text blocks, the overview a ```mermaid block, inventories tables.

import type { RootContent } from 'mdast';
import type { Charset } from '../config/types.js';
import { compareStrings } from '../diagnostics.js';
import { UserError } from '../errors.js';
import type { Machine, Pod, Topology } from '../model/types.js';
import {
  renderClusterView,
  renderNodeView,
  renderPodView,
  renderServicesView,
  renderTreeView,
} from './ascii/index.js';
import { connectionsTable, containersTable, processesTable } from './markdown/tables.js';
import { renderMermaid } from './mermaid/index.js';

export const EMBED_VIEWS = [
  'tree',
  'node',
  'pod',
  'cluster',
  'services',
  'mermaid',
  'processes',
  'containers',
  'connections',
] as const;
export type EmbedView = (typeof EMBED_VIEWS)[number];

export interface ViewRequest {
  view: EmbedView;
  /** Machine name: limits `tree`, `node`, `processes` and `mermaid` to one machine (default: every machine). */
  machine?: string;
  /** Pod name or `machine/pod` path: limits `pod` and `containers` to one pod (default: every pod). */
  pod?: string;
  charset?: Charset;
  width?: number;
}

export function isEmbedView(name: string): name is EmbedView {
  return (EMBED_VIEWS as readonly string[]).includes(name);
}

/** Renders the requested view; throws a UserError (exit 1) when `machine` or `pod` names nothing. */
export function renderViewNodes(model: Topology, request: ViewRequest): RootContent[] {
  const ascii = { charset: request.charset, width: request.width };
  const text = (value: string): RootContent => ({ type: 'code', lang: 'text', value });
  switch (request.view) {
    case 'tree':
      return selectMachines(model, request.machine).map((machine) => text(renderTreeView(machine, ascii)));
    case 'node':
      return selectMachines(model, request.machine).map((machine) => text(renderNodeView(machine, ascii)));
    case 'pod':
      return selectPods(model, request.pod).map((pod) => text(renderPodView(pod, ascii)));
    case 'cluster':
      return [text(renderClusterView(model, ascii))];
    case 'services': {
      const drawing = renderServicesView(model, ascii);
      return drawing === '' ? [] : [text(drawing)];
    }
    case 'mermaid': {
      const [machine] = request.machine === undefined ? [] : selectMachines(model, request.machine);
      const text = renderMermaid(model, machine === undefined ? {} : { machine });
      return [{ type: 'code', lang: 'mermaid', value: text.replace(/\n$/, '') }];
    }
    case 'processes':
      return selectMachines(model, request.machine).map(processesTable);
    case 'containers':
      return selectPods(model, request.pod).map(containersTable);
    case 'connections':
      return [connectionsTable(model)];
  }
}

function selectMachines(model: Topology, name: string | undefined): Machine[] {
  const machines = model.cluster.machines;
  if (name === undefined) return machines;
  const machine = machines.find((candidate) => candidate.name === name);
  if (machine === undefined) {
    const known = machines.map((candidate) => candidate.name).sort(compareStrings);
    throw new UserError(
      `No machine named "${name}"; the topology has: ${known.join(', ') || 'no machines'}.`,
      1,
    );
  }
  return [machine];
}

function selectPods(model: Topology, nameOrPath: string | undefined): Pod[] {
  const pods = model.cluster.machines.flatMap((machine) => machine.pods);
  if (nameOrPath === undefined) return pods;
  const matches = pods.filter((pod) => pod.path === nameOrPath || pod.name === nameOrPath);
  if (matches.length === 1) return matches;
  const known = pods.map((pod) => pod.path).sort(compareStrings);
  if (matches.length === 0) {
    throw new UserError(
      `No pod named "${nameOrPath}"; the topology has: ${known.join(', ') || 'no pods'}.`,
      1,
    );
  }
  const paths = matches.map((pod) => pod.path).sort(compareStrings);
  throw new UserError(`The pod name "${nameOrPath}" is ambiguous; write one of: ${paths.join(', ')}.`, 1);
}
