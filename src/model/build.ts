// Builds the resolved model from the syntax trees of the entry file and its imports, checking
// nesting and properties against schema.ts and reporting the model errors of rules.md section A.

import type { Diagnostic, Location, Range } from '../diagnostics.js';
import { sortDiagnostics } from '../diagnostics.js';
import type { BlockStatement, Document, PropertyStatement, Statement } from '../parser/ast.js';
import {
  duplicateNameMessage,
  duplicatePodMessage,
  firstDeclaredMessage,
  hostPortOnProcessMessage,
  misplacedBlockMessage,
  repeatedPropertyMessage,
  secondClusterMessage,
  unknownPropertyMessage,
} from './messages.js';
import { type PropertyValue, readPropertyValue } from './property-values.js';
import { type ModelErrorId, Reporter } from './report.js';
import { resolvePath } from './resolve.js';
import { type Context, findProperty, NESTING } from './schema.js';
import { storeProperty } from './store-property.js';
import { readSuppressions } from './suppressions.js';
import type {
  Cluster,
  Connect,
  Container,
  Entity,
  EntityBase,
  Group,
  Machine,
  Pod,
  Process,
  Topology,
  Volume,
} from './types.js';
import { inferProcessRole } from './well-known.js';

/** One parsed file and the files its `import` statements bring in (refused imports are absent). */
export interface SourceFile {
  /** Display path. */
  file: string;
  document: Document;
  imports: ReadonlyMap<PropertyStatement, SourceFile>;
}

export interface BuildOptions {
  /** Rule ids suppression directives may name (default: any kebab-case id). */
  knownRuleIds?: readonly string[];
}

export interface BuildResult {
  model: Topology;
  /** Model errors, sorted. */
  diagnostics: Diagnostic[];
}

/** Name of the cluster that holds the machines of a model without a `cluster` block. */
export const IMPLICIT_CLUSTER_NAME = 'cluster';

export function buildModel(entry: SourceFile, options: BuildOptions = {}): BuildResult {
  return new ModelBuilder(entry, options).build();
}

/** A `connect` with a name path, resolved once every file is read. */
interface PendingPath {
  connect: Connect & { endpoint: { kind: 'path' } };
  range: Range;
  file: string;
}

/**
 * `worker-1/pod-1/app`. Groups are part of paths although they separate nothing at run time:
 * references walk through them (`control-plane.kube-apiserver`), so a path is the reference path
 * with `/` and stays unique when two groups hold processes with one name.
 */
function entityPath(parent: Entity | undefined, name: string): string {
  return parent === undefined || parent.kind === 'cluster' ? name : `${parent.path}/${name}`;
}

class ModelBuilder {
  private readonly reporter: Reporter;
  private readonly model: Topology;
  private file: string;
  private clusterDeclared = false;
  private readonly visited = new Set<SourceFile>();
  /** Named children per parent, for `duplicate-name`. */
  private readonly childNames = new Map<Entity, Map<string, Entity>>();
  /** Properties already set per entity (or per model for the file level), for repeats. */
  private readonly propertiesSet = new Map<object, Map<string, Location>>();
  private readonly podsByNamespace = new Map<string, Pod>();
  private readonly duplicatePods = new Set<Pod>();
  private readonly pendingPaths: PendingPath[] = [];

  constructor(
    private readonly entry: SourceFile,
    private readonly options: BuildOptions,
  ) {
    this.file = entry.file;
    this.reporter = new Reporter(entry.file);
    const start = { line: 1, column: 1, offset: 0 };
    const loc = { file: entry.file, range: { start, end: start } };
    const cluster: Cluster = {
      kind: 'cluster',
      name: IMPLICIT_CLUSTER_NAME,
      path: IMPLICIT_CLUSTER_NAME,
      loc,
      nameLoc: loc,
      implicit: true,
      machines: [],
    };
    this.model = { file: entry.file, files: [], cluster, connections: [], suppressions: [] };
  }

  build(): BuildResult {
    this.visit(this.entry);
    this.resolvePaths();
    return { model: this.model, diagnostics: sortDiagnostics(this.reporter.diagnostics) };
  }

  private loc(range: Range): Location {
    return { file: this.file, range };
  }

  private report(
    ruleId: ModelErrorId,
    range: Range,
    message: string,
    related?: Location,
    relatedMessage?: string,
  ) {
    const relatedLocations = related
      ? [{ ...related, message: relatedMessage ?? 'first declared here' }]
      : undefined;
    this.reporter.reportAt(ruleId, this.loc(range), message, relatedLocations);
  }

  private visit(source: SourceFile): void {
    this.visited.add(source);
    this.model.files.push(source.file);
    const outer = this.file;
    this.file = source.file;
    const directives = readSuppressions(source.document, source.file, this.options.knownRuleIds);
    this.model.suppressions.push(...directives.suppressions);
    for (const problem of directives.problems)
      this.report('invalid-directive', problem.range, problem.message);
    for (const statement of source.document.body) this.statement(statement, 'file', undefined, source);
    this.file = outer;
  }

  private statement(
    statement: Statement,
    context: Context,
    owner: Entity | undefined,
    source?: SourceFile,
  ): void {
    if (statement.type === 'Block') this.block(statement, context, owner);
    else if (context === 'file' && statement.name.text === 'import' && source)
      this.importStatement(statement, source);
    else this.property(statement, context, owner);
  }

  private body(block: BlockStatement, context: Context, owner: Entity): void {
    for (const statement of block.body ?? []) this.statement(statement, context, owner);
  }

  /** The imported file's statements merge here, in place of the statement, the first time only. */
  private importStatement(statement: PropertyStatement, source: SourceFile): void {
    const spec = findProperty('file', 'import');
    if (!spec) return;
    const read = readPropertyValue(spec, statement);
    if (!read.ok) {
      this.report('invalid-value', read.problem.range, read.problem.message);
      return;
    }
    const imported = source.imports.get(statement);
    if (imported && !this.visited.has(imported)) this.visit(imported);
  }

  // ── blocks ──────────────────────────────────────────────────────────────────────────────

  private block(block: BlockStatement, context: Context, owner: Entity | undefined): void {
    const allowed = NESTING[context];
    if (!allowed.includes(block.keyword)) {
      this.report('misplaced-block', block.headerRange, misplacedBlockMessage(block.keyword, context, owner));
      return;
    }
    switch (block.keyword) {
      case 'cluster':
        this.clusterBlock(block);
        break;
      case 'machine':
        this.machineBlock(block);
        break;
      case 'group':
        this.groupBlock(block, owner as Machine | Group);
        break;
      case 'process':
        this.processBlock(block, owner as Machine | Group | Container);
        break;
      case 'pod':
        this.podBlock(block, owner as Machine);
        break;
      case 'container':
        this.containerBlock(block, owner as Pod);
        break;
      case 'volume':
        this.volumeBlock(block, owner as Pod);
        break;
    }
  }

  private base(kind: Entity['kind'], block: BlockStatement, parent: Entity | undefined): EntityBase {
    const entity: EntityBase = {
      kind,
      name: block.name.text,
      path: entityPath(parent, block.name.text),
      loc: this.loc(block.headerRange),
      nameLoc: this.loc(block.name.range),
    };
    if (block.label) entity.label = block.label.value;
    return entity;
  }

  /**
   * Adds `child` to the names of `parent`; reports `duplicate-name` when a sibling has its name.
   * The duplicate still joins the model (references find the first), so later errors stay visible.
   */
  private registerChild(parent: Entity, child: Entity): boolean {
    let names = this.childNames.get(parent);
    if (!names) {
      names = new Map();
      this.childNames.set(parent, names);
    }
    const first = names.get(child.name);
    if (!first) {
      names.set(child.name, child);
      return true;
    }
    this.reporter.reportAt('duplicate-name', child.nameLoc, duplicateNameMessage(parent, first, child.name), [
      { ...first.nameLoc, message: firstDeclaredMessage(first) },
    ]);
    return false;
  }

  /**
   * One cluster per model: the first `cluster` block names it (and turns the implicit one
   * explicit); a block with the same name merges into it, as from an import; another name is
   * `misplaced-block`, and its machines still join.
   */
  private clusterBlock(block: BlockStatement): void {
    const cluster = this.model.cluster;
    if (!this.clusterDeclared) {
      this.clusterDeclared = true;
      cluster.implicit = false;
      cluster.name = block.name.text;
      cluster.path = block.name.text;
      cluster.loc = this.loc(block.headerRange);
      cluster.nameLoc = this.loc(block.name.range);
      if (block.label) cluster.label = block.label.value;
    } else if (block.name.text !== cluster.name) {
      this.reporter.reportAt(
        'misplaced-block',
        this.loc(block.headerRange),
        secondClusterMessage(block.name.text, cluster),
        [{ ...cluster.loc, message: `cluster ${cluster.name} is declared here` }],
      );
    }
    this.body(block, 'cluster', cluster);
  }

  private machineBlock(block: BlockStatement): void {
    const cluster = this.model.cluster;
    const machine: Machine = {
      ...this.base('machine', block, cluster),
      kind: 'machine',
      parent: cluster,
      machineKind: 'vm',
      children: [],
      processes: [],
      pods: [],
    };
    this.registerChild(cluster, machine);
    cluster.machines.push(machine);
    this.body(block, 'machine', machine);
  }

  private groupBlock(block: BlockStatement, parent: Machine | Group): void {
    const group: Group = { ...this.base('group', block, parent), kind: 'group', parent, children: [] };
    this.registerChild(parent, group);
    parent.children.push(group);
    this.body(block, 'group', group);
  }

  private processBlock(block: BlockStatement, parent: Machine | Group | Container): void {
    const process: Process = {
      ...this.base('process', block, parent),
      kind: 'process',
      parent,
      role: inferProcessRole(block.name.text),
      listens: [],
      connects: [],
    };
    this.registerChild(parent, process);
    if (parent.kind === 'container') parent.processes.push(process);
    else {
      parent.children.push(process);
      machineOf(parent).processes.push(process);
    }
    this.body(block, 'process', process);
  }

  private podBlock(block: BlockStatement, machine: Machine): void {
    const pod: Pod = {
      ...this.base('pod', block, machine),
      kind: 'pod',
      parent: machine,
      hostNetwork: false,
      shareProcessNamespace: false,
      namespace: 'default',
      volumes: [],
      containers: [],
    };
    if (!this.registerChild(machine, pod)) this.duplicatePods.add(pod);
    machine.children.push(pod);
    machine.pods.push(pod);
    this.body(block, 'pod', pod);
    for (const mount of pod.containers.flatMap((container) => container.mounts)) {
      const volume = pod.volumes.find((candidate) => candidate.name === mount.volumeName);
      if (volume) mount.volume = volume;
    }
    this.checkPodNamespace(pod);
  }

  /** Pods are unique per namespace across the cluster (siblings are already judged). */
  private checkPodNamespace(pod: Pod): void {
    if (this.duplicatePods.has(pod)) return;
    const key = `${pod.namespace}\u0000${pod.name}`;
    const first = this.podsByNamespace.get(key);
    if (!first) {
      this.podsByNamespace.set(key, pod);
      return;
    }
    this.reporter.reportAt('duplicate-name', pod.nameLoc, duplicatePodMessage(pod, first), [
      { ...first.nameLoc, message: firstDeclaredMessage(first) },
    ]);
  }

  private containerBlock(block: BlockStatement, pod: Pod): void {
    const container: Container = {
      ...this.base('container', block, pod),
      kind: 'container',
      parent: pod,
      role: 'app',
      listens: [],
      connects: [],
      mounts: [],
      processes: [],
    };
    this.registerChild(pod, container);
    pod.containers.push(container);
    this.body(block, 'container', container);
  }

  private volumeBlock(block: BlockStatement, pod: Pod): void {
    const volume: Volume = { ...this.base('volume', block, pod), kind: 'volume', parent: pod };
    this.registerChild(pod, volume);
    pod.volumes.push(volume);
    this.body(block, 'volume', volume);
  }

  // ── properties ──────────────────────────────────────────────────────────────────────────

  private property(statement: PropertyStatement, context: Context, owner: Entity | undefined): void {
    const name = statement.name.text;
    const spec = findProperty(context, name);
    if (!spec) {
      this.report('unknown-property', statement.range, unknownPropertyMessage(name, context, owner));
      return;
    }
    const setAlready = this.propertiesSetOn(owner ?? this.model);
    const first = setAlready.get(name);
    if (first && !spec.repeatable) {
      const message = repeatedPropertyMessage(name, context, owner);
      this.report('unknown-property', statement.range, message, first, `\`${name}\` is first set here`);
      return;
    }
    if (!first) setAlready.set(name, this.loc(statement.range));
    const read = readPropertyValue(spec, statement);
    if (!read.ok) {
      this.report('invalid-value', read.problem.range, read.problem.message);
      return;
    }
    this.apply(statement, read.value, owner);
  }

  private propertiesSetOn(key: object): Map<string, Location> {
    let set = this.propertiesSet.get(key);
    if (!set) {
      set = new Map();
      this.propertiesSet.set(key, set);
    }
    return set;
  }

  /** Stores a well-formed value: file-level statements on the model, the rest on their entity. */
  private apply(statement: PropertyStatement, value: PropertyValue, owner: Entity | undefined): void {
    const name = statement.name.text;
    if (!owner) {
      if (value.type === 'string' && name === 'title') this.model.title = value.value;
      if (value.type === 'string' && name === 'description') this.model.description = value.value;
      return;
    }
    if (value.type === 'ports' && value.hostPort !== undefined && owner.kind === 'process') {
      this.report('invalid-value', statement.range, hostPortOnProcessMessage(owner));
      return;
    }
    const connect = storeProperty(owner, name, value, this.loc(statement.range));
    if (!connect) return;
    this.model.connections.push(connect);
    if (connect.endpoint.kind === 'path' && value.type === 'endpoint' && value.pathRange) {
      const pending = connect as PendingPath['connect'];
      this.pendingPaths.push({ connect: pending, range: value.pathRange, file: this.file });
    }
  }

  private resolvePaths(): void {
    for (const { connect, range, file } of this.pendingPaths) {
      const resolution = resolvePath(connect.owner, connect.endpoint.parts);
      if (resolution.ok) connect.endpoint.target = resolution.target;
      else this.reporter.reportAt('unresolved-reference', { file, range }, resolution.message);
    }
  }
}

function machineOf(entity: Machine | Group): Machine {
  let scope: Machine | Group = entity;
  while (scope.kind === 'group') scope = scope.parent;
  return scope;
}
