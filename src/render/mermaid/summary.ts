// The overview of a topology too big for one readable picture: each machine one node counting
// what runs on it, unscheduled workloads and services as in the full overview, and the
// connections between two machines counted on one edge. The document then draws each machine alone.

import { allContainers, allProcesses, machineOf, unscheduledTemplates } from '../../model/query.js';
import type { Machine, Topology } from '../../model/types.js';
import { type DrawnEntity, type EdgeEnd, type ExternalNode, edgeEnd } from './endpoints.js';
import { type EscapeOptions, escapeLabel, escapeLines, lineSafeFromMermaid } from './escape.js';
import { entityId, mermaidId } from './ids.js';
import { entityLines, subgraphTitle } from './labels.js';
import { type ClassName, entityClass, externalClass, styleLines } from './styles.js';

/**
 * The overview's budget. Past 150 boxes a picture at a document's width is no longer readable,
 * and past 50,000 characters Mermaid's default `maxTextSize` (the one GitHub renders with)
 * refuses the text with an error picture.
 */
export const OVERVIEW_BUDGET = { boxes: 150, characters: 50_000 } as const;

/** False for a machine declared outside an explicit `cluster` block: it is drawn outside the cluster's box. */
export function drawnInClusterBox(machine: Machine): boolean {
  return machine.parent.implicit || machine.outsideClusterBlock !== true;
}

/** The boxes the full overview draws: processes, containers, unscheduled workloads, services. */
export function overviewBoxes(model: Topology): number {
  return (
    allProcesses(model).length +
    allContainers(model).length +
    unscheduledTemplates(model).length +
    model.cluster.services.length
  );
}

function counted(count: number, noun: string, plural = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : plural}`;
}

/** `12 pods · 3 processes` under a machine's name and address. */
function machineCounts(machine: Machine): string {
  const parts = [counted(machine.pods.length, 'pod')];
  if (machine.processes.length > 0) parts.push(counted(machine.processes.length, 'process', 'processes'));
  return parts.join(' · ');
}

/** Where an edge of the summary ends: the machine of what it reaches, or what it reaches itself. */
function summaryEnd(end: EdgeEnd): { id: string; external?: ExternalNode } | undefined {
  if (end.kind === 'external') return { id: mermaidId('external', end.node.key), external: end.node };
  const entity: DrawnEntity = end.entity;
  if (entity.kind === 'cluster') return undefined;
  if (entity.kind === 'service' || entity.kind === 'workload') return { id: entityId(entity) };
  const machine = machineOf(entity);
  return machine === undefined ? undefined : { id: entityId(machine) };
}

/** The summary overview of a model over the budget, ending with a newline. */
export function renderSummary(model: Topology): string {
  const lines = ['flowchart LR'];
  const classes = new Map<ClassName, string[]>();
  const classify = (id: string, name: ClassName) => {
    const ids = classes.get(name);
    if (ids === undefined) classes.set(name, [id]);
    else ids.push(id);
  };
  const line = (depth: number, text: (options: EscapeOptions) => string) =>
    lines.push(`${'  '.repeat(depth)}${lineSafeFromMermaid(text)}`);
  const { cluster } = model;

  const machineNode = (machine: Machine, depth: number) => {
    const id = entityId(machine);
    line(
      depth,
      (options) => `${id}["${escapeLines([subgraphTitle(machine), machineCounts(machine)], options)}"]`,
    );
    classify(id, 'machine');
  };
  const inside = (depth: number) => {
    for (const machine of cluster.machines) if (drawnInClusterBox(machine)) machineNode(machine, depth);
    for (const template of unscheduledTemplates(model)) {
      const workload = template.parent;
      if (workload.kind !== 'workload') continue;
      const id = entityId(workload);
      line(depth, (options) => `${id}["${escapeLines(entityLines(workload), options)}"]`);
      classify(id, entityClass(workload));
    }
    for (const service of cluster.services) {
      const id = entityId(service);
      line(depth, (options) => `${id}{{"${escapeLines(entityLines(service), options)}"}}`);
      classify(id, 'service');
    }
  };
  if (cluster.implicit) inside(1);
  else {
    const id = entityId(cluster);
    line(1, (options) => `subgraph ${id}["${escapeLabel(subgraphTitle(cluster), options)}"]`);
    classify(id, 'kubeCluster');
    inside(2);
    lines.push('  end');
  }
  for (const machine of cluster.machines) if (!drawnInClusterBox(machine)) machineNode(machine, 1);

  // One edge per pair of ends, counting the connections it stands for.
  const edges = new Map<string, { from: string; to: string; count: number }>();
  const externals = new Map<string, ExternalNode>();
  for (const connect of model.connections) {
    const owner = machineOf(connect.owner);
    const end = summaryEnd(edgeEnd(model, connect));
    if (owner === undefined || end === undefined || end.id === entityId(owner)) continue;
    if (end.external !== undefined && !externals.has(end.id)) externals.set(end.id, end.external);
    const key = `${entityId(owner)} ${end.id}`;
    const edge = edges.get(key) ?? { from: entityId(owner), to: end.id, count: 0 };
    edge.count += 1;
    edges.set(key, edge);
  }
  for (const [id, node] of externals) {
    line(1, (options) => `${id}["${escapeLabel(node.label, options)}"]`);
    classify(id, externalClass(node));
  }
  for (const { from, to, count } of edges.values())
    lines.push(`  ${from} -->|"${counted(count, 'connection')}"| ${to}`);
  for (const service of cluster.services) {
    const targets = new Set<string>();
    for (const pod of service.selected) {
      const target = pod.parent.kind === 'workload' ? pod.parent : machineOf(pod);
      if (target !== undefined) targets.add(entityId(target));
    }
    for (const target of targets) lines.push(`  ${entityId(service)} -.-> ${target}`);
  }
  for (const style of styleLines(classes)) lines.push(`  ${style}`);
  return `${lines.join('\n')}\n`;
}

/** The file of one machine's diagram beside the overview's: `x.svg` → `x.worker-1.svg` (also `.mmd`). */
export function machineDiagramFile(overviewFile: string, machine: Machine): string {
  return overviewFile.replace(/(\.[a-z]+)$/, `.${machine.name}$1`);
}
