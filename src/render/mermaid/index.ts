// The Mermaid overview (outputs.md §2): a flowchart with a subgraph per machine, group,
// pod (and explicit cluster), a node per process and container, an edge per `connect`. Ids come
// from entity paths, user text only ever appears escaped inside quoted labels.

import { machineOf, unscheduledTemplates } from '../../model/query.js';
import type {
  Connect,
  Container,
  Group,
  Machine,
  Pod,
  Process,
  Service,
  Topology,
} from '../../model/types.js';
import { type DrawnEntity, type EdgeEnd, type ExternalNode, edgeEnd } from './endpoints.js';
import { type EscapeOptions, escapeLabel, escapeLines, lineSafeFromMermaid } from './escape.js';
import { entityId, mermaidId } from './ids.js';
import { connectText, entityLines, subgraphTitle } from './labels.js';
import { type ClassName, entityClass, externalClass, styleLines } from './styles.js';
import { drawnInClusterBox, OVERVIEW_BUDGET, overviewBoxes, renderSummary } from './summary.js';

const INDENT = '  ';

/**
 * Layout: the diagram flows left to right, so machines without links between them stack
 * vertically; Mermaid lays each subgraph out across its parent's direction unless told, so a
 * machine's groups, processes and pods sit side by side. Groups, pods and containers line up
 * their members in a row; the cluster stacks its machines like the top level does. (Mermaid
 * ignores a subgraph's direction when an edge crosses its border.)
 */
const SUBGRAPH_DIRECTION: Partial<Record<DrawnEntity['kind'], 'TB' | 'LR'>> = {
  cluster: 'LR',
  group: 'TB',
  pod: 'TB',
  container: 'TB',
};

interface Edge {
  connect: Connect;
  end: EdgeEnd;
}

/** Collects the lines of the diagram and which ids get which class. */
class DiagramWriter {
  readonly lines: string[] = ['flowchart LR'];
  private readonly classes = new Map<ClassName, string[]>();
  private depth = 1;

  constructor(private readonly externalsWithin: ReadonlyMap<DrawnEntity | undefined, ExternalNode[]>) {}

  private line(text: string): void {
    this.lines.push(INDENT.repeat(this.depth) + text);
  }

  private classify(id: string, className: ClassName): void {
    const ids = this.classes.get(className);
    if (ids === undefined) this.classes.set(className, [id]);
    else ids.push(id);
  }

  node(entity: Process | Container): void {
    const id = entityId(entity);
    this.line(lineSafeFromMermaid((options) => `${id}["${escapeLines(entityLines(entity), options)}"]`));
    this.classify(id, entityClass(entity));
  }

  /** A service is a hexagon; its edges to the pods it selects are dotted (traffic kube-proxy routes). */
  service(service: Service): void {
    const id = entityId(service);
    this.line(lineSafeFromMermaid((options) => `${id}{{"${escapeLines(entityLines(service), options)}"}}`));
    this.classify(id, entityClass(service));
  }

  serviceRoutes(service: Service): void {
    for (const pod of service.selected) {
      const target = pod.parent.kind === 'workload' ? pod.parent : pod;
      this.line(`${entityId(service)} -.-> ${entityId(target)}`);
    }
  }

  external(node: ExternalNode): void {
    const id = externalId(node);
    this.line(lineSafeFromMermaid((options) => `${id}["${escapeLabel(node.label, options)}"]`));
    this.classify(id, externalClass(node));
  }

  subgraph(entity: DrawnEntity, body: () => void): void {
    const id = entityId(entity);
    this.line(
      lineSafeFromMermaid((options) => `subgraph ${id}["${escapeLabel(subgraphTitle(entity), options)}"]`),
    );
    this.classify(id, entityClass(entity));
    this.depth += 1;
    const direction = SUBGRAPH_DIRECTION[entity.kind];
    if (direction !== undefined) this.line(`direction ${direction}`);
    body();
    for (const node of this.externalsWithin.get(entity) ?? []) this.external(node);
    this.depth -= 1;
    this.line('end');
  }

  machine(machine: Machine): void {
    this.subgraph(machine, () => {
      for (const child of machine.children) {
        if (child.kind === 'pod') this.pod(child);
        else this.processOrGroup(child);
      }
    });
  }

  private processOrGroup(entity: Process | Group): void {
    if (entity.kind === 'process') this.node(entity);
    else
      this.subgraph(entity, () => {
        for (const child of entity.children) this.processOrGroup(child);
      });
  }

  /** A pod, or the template of an unscheduled workload (drawn as the workload, `× N`). */
  pod(pod: Pod): void {
    this.subgraph(pod.parent.kind === 'workload' ? pod.parent : pod, () => {
      for (const container of pod.containers) this.container(container);
    });
  }

  /** A container is a node, or a subgraph holding the processes declared inside it. */
  private container(container: Container): void {
    if (container.processes.length === 0) this.node(container);
    else
      this.subgraph(container, () => {
        for (const process of container.processes) this.node(process);
      });
  }

  edge({ connect, end }: Edge): void {
    const text = connectText(connect);
    const arrow = end.kind === 'external' && end.node.unresolved ? '-.->' : '-->';
    const label = (options: EscapeOptions) => (text === undefined ? '' : `|"${escapeLabel(text, options)}"|`);
    this.line(
      lineSafeFromMermaid((options) => `${entityId(connect.owner)} ${arrow}${label(options)} ${endId(end)}`),
    );
  }

  /** `classDef` lines for the classes in use, then one `class` line per class. */
  styles(): void {
    for (const line of styleLines(this.classes)) this.line(line);
  }
}

function externalId(node: ExternalNode): string {
  return mermaidId('external', node.key);
}

function endId(end: EdgeEnd): string {
  return end.kind === 'entity' ? entityId(end.entity) : externalId(end.node);
}

/** External nodes by the subgraph they sit in (undefined: the top level), first use first. */
function groupExternals(edges: readonly Edge[]): Map<DrawnEntity | undefined, ExternalNode[]> {
  const seen = new Set<string>();
  const byPlace = new Map<DrawnEntity | undefined, ExternalNode[]>();
  for (const { end } of edges) {
    if (end.kind !== 'external' || seen.has(end.node.key)) continue;
    seen.add(end.node.key);
    const place = end.node.within;
    byPlace.set(place, [...(byPlace.get(place) ?? []), end.node]);
  }
  return byPlace;
}

export interface MermaidOptions {
  /** Draw only this machine: its connections, with what they reach elsewhere as outside nodes. */
  machine?: Machine;
}

/** A drawn entity outside the one machine being drawn, as an outside node named by its path. */
function outside(end: EdgeEnd, machine: Machine | undefined): EdgeEnd {
  if (machine === undefined || end.kind !== 'entity') return end;
  const entity = end.entity;
  if (entity.kind === 'cluster') return end;
  const owner =
    entity.kind === 'machine'
      ? entity
      : entity.kind === 'service' || entity.kind === 'workload'
        ? undefined
        : machineOf(entity);
  if (owner === machine) return end;
  const label = entity.kind === 'service' ? `service ${entity.path}` : entity.path;
  return { kind: 'external', node: { key: label, label, unresolved: false } };
}

/** The overview's Mermaid text, and whether it is the summary of a model over the budget. */
export function renderOverview(model: Topology): { text: string; summary: boolean } {
  if (overviewBoxes(model) <= OVERVIEW_BUDGET.boxes) {
    const text = renderDetailed(model, undefined);
    if (text.length <= OVERVIEW_BUDGET.characters) return { text, summary: false };
  }
  return { text: renderSummary(model), summary: true };
}

/** The diagrams of a document: the overview, and each machine's own when the overview is the summary. */
export interface Diagrams {
  overview: string;
  summary: boolean;
  machines: Map<Machine, string>;
}

export function renderDiagrams(model: Topology): Diagrams {
  const { text, summary } = renderOverview(model);
  const machines = new Map<Machine, string>();
  if (summary) {
    // Each connection is drawn in its owner's machine: sorted out once, not once per machine.
    const byMachine = new Map<Machine | undefined, Connect[]>();
    for (const connect of model.connections) {
      const machine = machineOf(connect.owner);
      const list = byMachine.get(machine);
      if (list === undefined) byMachine.set(machine, [connect]);
      else list.push(connect);
    }
    for (const machine of model.cluster.machines)
      machines.set(machine, renderDetailed(model, machine, byMachine.get(machine) ?? []));
  }
  return { overview: text, summary, machines };
}

/**
 * The Mermaid flowchart of the whole model (the summary when it is over the overview's budget),
 * or of one machine, ending with a newline.
 */
export function renderMermaid(model: Topology, options: MermaidOptions = {}): string {
  return options.machine === undefined ? renderOverview(model).text : renderDetailed(model, options.machine);
}

/** @param drawn the connections drawn: all of them, or those owned inside `only` */
function renderDetailed(
  model: Topology,
  only: Machine | undefined,
  drawn = only === undefined
    ? model.connections
    : model.connections.filter((connect) => machineOf(connect.owner) === only),
): string {
  const edges = drawn.map((connect): Edge => ({ connect, end: outside(edgeEnd(model, connect), only) }));
  const externals = groupExternals(edges);
  const writer = new DiagramWriter(externals);
  const { cluster } = model;
  // Machines declared outside an explicit `cluster` block are drawn outside its box.
  const drawnMachines = only === undefined ? cluster.machines : [only];
  const inside = () => {
    for (const machine of drawnMachines) if (drawnInClusterBox(machine)) writer.machine(machine);
    if (only !== undefined) return;
    for (const template of unscheduledTemplates(model)) writer.pod(template);
    for (const service of cluster.services) writer.service(service);
  };
  if (cluster.implicit || (only !== undefined && !drawnInClusterBox(only))) inside();
  else writer.subgraph(cluster, inside);
  for (const machine of drawnMachines) if (!drawnInClusterBox(machine)) writer.machine(machine);
  for (const node of externals.get(undefined) ?? []) writer.external(node);
  for (const edge of edges) writer.edge(edge);
  if (only === undefined) for (const service of cluster.services) writer.serviceRoutes(service);
  writer.styles();
  return `${writer.lines.join('\n')}\n`;
}
