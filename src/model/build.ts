// Builds the resolved model from the statements of the entry file and its imports, checking
// nesting and properties against schema.ts and reporting the model errors of rules.md section A.

import type { Diagnostic, Location, SourceText, Span } from '../diagnostics.js';
import { sortDiagnostics } from '../diagnostics.js';
import type { BlockHeader, PropertyStatement, StatementHead } from '../parser/ast.js';
import type { StatementReader } from '../parser/reader.js';
import { Declarations } from './declarations.js';
import { expandWorkloads } from './expand.js';
import type { ImportToRead } from './imports.js';
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
import { containerOf } from './network.js';
import { type PropertyValue, readPropertyValue } from './property-values.js';
import { machineOf } from './query.js';
import { type ModelErrorId, Reporter } from './report.js';
import { resolvePath } from './resolve.js';
import { type Context, findProperty, NESTING } from './schema.js';
import { findService, selectPods } from './services.js';
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
  Service,
  Suppression,
  Topology,
  Volume,
  Workload,
  WorkloadKind,
} from './types.js';
import { inferProcessRole } from './well-known.js';

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

/**
 * The model of one file whose imports are not followed: Kubernetes manifests (translated to one
 * syntax tree), or a file read alone. Topology files are read by load.ts, imports included.
 */
export function buildModel(file: string, reader: StatementReader, options: BuildOptions = {}): BuildResult {
  const builder = new ModelBuilder(file, reader.source, options);
  builder.beginFile(file, reader);
  for (let statement = reader.next(); statement !== undefined; statement = reader.next())
    builder.fileStatement(statement);
  builder.endFile();
  return builder.finish();
}

/** Top-level domains of the host names a topology connects to (every two-letter one is a country's). */
const HOST_TLDS = new Set([
  'com',
  'net',
  'org',
  'io',
  'dev',
  'app',
  'cloud',
  'ai',
  'co',
  'info',
  'biz',
  'tech',
  'xyz',
  'edu',
  'gov',
  'local',
  'internal',
  'lan',
  'corp',
  'home',
  'test',
  'example',
  'invalid',
]);

/** `api.example.com`: two or more parts ending in a top-level domain, so not a typo of a model name. */
function looksLikeHostName(parts: readonly string[]): boolean {
  const last = parts[parts.length - 1] ?? '';
  return parts.length > 1 && (HOST_TLDS.has(last) || /^[a-z]{2}$/.test(last));
}

/** `{ port }` when the endpoint has one (optional properties stay absent, not undefined). */
function portOf(endpoint: { port?: number }): { port?: number } {
  return endpoint.port === undefined ? {} : { port: endpoint.port };
}

/** The namespace a `connect` is made from: its pod's (a machine process: `default`). */
function namespaceOf(owner: Process | Container): string {
  return containerOf(owner)?.parent.namespace ?? 'default';
}

/**
 * A pod with nothing declared yet: what a `pod` block and a workload's template start from. Entities
 * are made in one literal each (no header object spread into them): a large model makes many.
 */
function emptyPod(
  name: string,
  path: string,
  loc: Location,
  nameLoc: Location,
  parent: Machine | Workload,
): Pod {
  return {
    kind: 'pod',
    name,
    path,
    loc,
    nameLoc,
    parent,
    hostNetwork: false,
    shareProcessNamespace: false,
    namespace: 'default',
    labels: [],
    volumes: [],
    containers: [],
  };
}

/** The entity, with the block's label when it has one (absent otherwise, not undefined). */
function labelled<T extends EntityBase>(entity: T, block: BlockHeader): T {
  if (block.label) entity.label = block.label.value;
  return entity;
}

/** The pod a `container` or `volume` block joins: the pod itself, or a workload's template. */
function podOf(owner: Pod | Workload): Pod {
  return owner.kind === 'workload' ? owner.template : owner;
}

/** Each mount meets the volume of its own pod that it names. */
function linkMounts(pod: Pod): void {
  for (const container of pod.containers) {
    for (const mount of container.mounts) {
      const volume = pod.volumes.find((candidate) => candidate.name === mount.volumeName);
      if (volume) mount.volume = volume;
    }
  }
}

/** The list itself when empty, else a copy at its length. */
const exact = <T>(list: T[]): T[] => (list.length === 0 ? list : list.slice());

/**
 * A list grown by `push` keeps room for 16 more items, which made these lists a third of the model's
 * memory on large files. Once its block's body is read, an entity's own lists are copied at their
 * length (later additions, such as the pods expansion places on a machine, still push). The cluster's
 * lists grow for the whole build and are left alone.
 */
function trimLists(entity: Entity): void {
  switch (entity.kind) {
    case 'machine':
      entity.children = exact(entity.children);
      entity.processes = exact(entity.processes);
      entity.pods = exact(entity.pods);
      break;
    case 'group':
      entity.children = exact(entity.children);
      break;
    case 'process':
      entity.listens = exact(entity.listens);
      entity.connects = exact(entity.connects);
      break;
    case 'container':
      entity.listens = exact(entity.listens);
      entity.connects = exact(entity.connects);
      entity.mounts = exact(entity.mounts);
      entity.processes = exact(entity.processes);
      break;
    case 'pod':
      entity.volumes = exact(entity.volumes);
      entity.containers = exact(entity.containers);
      break;
    case 'workload':
      trimLists(entity.template);
      break;
    case 'service':
      entity.ports = exact(entity.ports);
      break;
    case 'cluster':
    case 'volume':
      break;
  }
}

/** A `connect` with a name path, resolved once every file is read. */
interface PendingPath {
  connect: Connect & { endpoint: { kind: 'path' } };
  /** Where the path was written. */
  loc: Location;
}

/**
 * `worker-1/pod-1/app`. Groups are part of paths although they separate nothing at run time:
 * references walk through them (`control-plane.kube-apiserver`), so a path is the reference path
 * with `/` and stays unique when two groups hold processes with one name.
 */
function entityPath(parent: Entity | undefined, name: string): string {
  return parent === undefined || parent.kind === 'cluster' ? name : `${parent.path}/${name}`;
}

/**
 * Builds one model from the statements of its files, in order: `beginFile`, each statement of the file
 * level (`fileStatement`), `endFile`, for the entry and, inside it, for each file an import names where
 * that import stands; then `finish`. Each block's body is read from its file's reader as it comes, so
 * no file's whole syntax tree is needed.
 */
export class ModelBuilder {
  private readonly reporter: Reporter;
  private readonly model: Topology;
  /** The file whose statements are being read (a block may name another: see `block`). */
  private source: SourceText;
  /** The reader of the file being read. */
  private reader: StatementReader | undefined;
  /** The files being read, outermost first (an imported file is read inside its importer). */
  private readonly openFiles: { reader: StatementReader; suppressions: Suppression[] }[] = [];
  /** Each file's suppressions, in the order the files were begun (as the model lists them). */
  private readonly suppressionsByFile: Suppression[][] = [];
  private clusterDeclared = false;
  /**
   * What the block being read has declared so far. An entity is declared by one block, except the
   * cluster (several blocks merge into it, and machines at the file level join it) and the file level
   * (imports merge into it): they keep theirs for the whole build.
   */
  private declarations = new Declarations();
  private readonly clusterDeclarations = new Declarations();
  private readonly fileDeclarations = new Declarations();
  /** The block bodies being read, one record per depth, reused by the next body at that depth. */
  private readonly bodyDeclarations: Declarations[] = [];
  private depth = 0;
  private readonly podsByNamespace = new Map<string, Pod>();
  private readonly duplicatePods = new Set<Pod>();
  private readonly pendingPaths: PendingPath[] = [];

  /** @param entrySource the entry file's text, where the cluster of a file without a `cluster` block points */
  constructor(
    entryFile: string,
    entrySource: SourceText,
    private readonly options: BuildOptions = {},
  ) {
    this.source = entrySource;
    this.reporter = new Reporter(this.source);
    const loc = { source: this.source, start: 0, end: 0 };
    const cluster: Cluster = {
      kind: 'cluster',
      name: IMPLICIT_CLUSTER_NAME,
      path: IMPLICIT_CLUSTER_NAME,
      loc,
      nameLoc: loc,
      implicit: true,
      machines: [],
      services: [],
      workloads: [],
    };
    this.model = { file: entryFile, files: [], cluster, connections: [], suppressions: [] };
  }

  /** Starts reading a file: its file-level statements follow, then `endFile`. */
  beginFile(file: string, reader: StatementReader): void {
    this.model.files.push(file);
    const suppressions: Suppression[] = [];
    this.suppressionsByFile.push(suppressions);
    this.openFiles.push({ reader, suppressions });
    this.reader = reader;
    this.source = reader.source;
  }

  /**
   * One statement of the file level, a block's body read from the file's reader. A well-formed
   * `import` is returned: the caller reads the file it names next (unless already read).
   */
  fileStatement(statement: StatementHead): ImportToRead | undefined {
    if (statement.type === 'Property' && statement.name.text === 'import')
      return this.importStatement(statement);
    this.statement(statement, 'file', undefined);
    return undefined;
  }

  /** Ends the file begun last, once read to its end: its comments are all known, so its directives are read. */
  endFile(): void {
    const file = this.openFiles.pop();
    if (file === undefined) throw new Error('endFile without beginFile');
    const directives = readSuppressions(file.reader, this.options.knownRuleIds);
    file.suppressions.push(...directives.suppressions);
    for (const problem of directives.problems) this.report('invalid-directive', problem, problem.message);
    const outer = this.openFiles[this.openFiles.length - 1];
    if (outer !== undefined) {
      this.reader = outer.reader;
      this.source = outer.reader.source;
    }
  }

  /** The model of every file read: references resolved, workloads placed, services matched. */
  finish(): BuildResult {
    this.model.suppressions = this.suppressionsByFile.flat();
    this.resolvePaths();
    expandWorkloads(this.model);
    selectPods(this.model);
    return { model: this.model, diagnostics: sortDiagnostics(this.reporter.diagnostics) };
  }

  /** From `start` to `end` in the file being read. */
  private loc(start: number, end: number): Location {
    return { source: this.source, start, end };
  }

  private locOf(span: Span): Location {
    return this.loc(span.start, span.end);
  }

  /** The block's header (keyword to label): where findings about its entity point. */
  private headerLoc(block: BlockHeader): Location {
    return this.loc(block.start, block.headerEnd);
  }

  private report(
    ruleId: ModelErrorId,
    at: Span,
    message: string,
    related?: Location,
    relatedMessage?: string,
  ) {
    const notes = related ? [{ ...related, message: relatedMessage ?? 'first declared here' }] : undefined;
    this.reporter.reportAt(ruleId, this.locOf(at), message, notes);
  }

  private statement(statement: StatementHead, context: Context, owner: Entity | undefined): void {
    if (statement.type === 'Block') this.block(statement, context, owner);
    else this.property(statement, context, owner);
  }

  /** The statements of the body of the block just read (none for a block without braces). */
  private body(context: Context, owner: Entity): void {
    const outer = this.declarations;
    let declarations = this.bodyDeclarations[this.depth];
    if (declarations === undefined) {
      declarations = new Declarations();
      this.bodyDeclarations[this.depth] = declarations;
    } else declarations.clear();
    this.declarations = declarations;
    this.depth++;
    const reader = this.reader;
    if (reader?.enterBody()) {
      for (let statement = reader.next(); statement !== undefined; statement = reader.next())
        this.statement(statement, context, owner);
    }
    this.depth--;
    this.declarations = outer;
    trimLists(owner);
  }

  /** The declarations of `owner` (undefined: the file level), whose body is being read. */
  private declarationsOf(owner: Entity | undefined): Declarations {
    if (owner === undefined) return this.fileDeclarations;
    return owner.kind === 'cluster' ? this.clusterDeclarations : this.declarations;
  }

  /** The imported file's statements merge here, in place of the statement (the caller reads them). */
  private importStatement(statement: PropertyStatement): ImportToRead | undefined {
    const spec = findProperty('file', 'import');
    if (!spec) return undefined;
    const read = readPropertyValue(spec, statement);
    if (!read.ok) {
      this.report('invalid-value', read.problem, read.problem.message);
      return undefined;
    }
    return read.value.type === 'string' ? { statement, target: read.value.value } : undefined;
  }

  // ── blocks ──────────────────────────────────────────────────────────────────────────────

  private block(block: BlockHeader, context: Context, owner: Entity | undefined): void {
    if (block.source === undefined || block.source === this.source) {
      this.blockOfThisFile(block, context, owner);
      return;
    }
    const outer = this.source;
    this.source = block.source;
    if (!this.model.files.includes(block.source.file)) this.model.files.push(block.source.file);
    this.blockOfThisFile(block, context, owner);
    this.source = outer;
  }

  private blockOfThisFile(block: BlockHeader, context: Context, owner: Entity | undefined): void {
    const allowed = NESTING[context];
    if (!allowed.includes(block.keyword)) {
      const header = this.headerLoc(block);
      this.report('misplaced-block', header, misplacedBlockMessage(block.keyword, context, owner));
      return;
    }
    switch (block.keyword) {
      case 'cluster':
        this.clusterBlock(block);
        break;
      case 'machine':
        this.machineBlock(block, context);
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
        this.containerBlock(block, podOf(owner as Pod | Workload));
        break;
      case 'volume':
        this.volumeBlock(block, podOf(owner as Pod | Workload));
        break;
      case 'service':
        this.serviceBlock(block);
        break;
      case 'deployment':
      case 'statefulset':
      case 'daemonset':
        this.workloadBlock(block, block.keyword);
        break;
    }
  }

  /**
   * Adds `child` to the names of `parent`; reports `duplicate-name` when a sibling has its name.
   * The duplicate still joins the model (references find the first), so later errors stay visible.
   */
  private registerChild(parent: Entity, child: Entity): boolean {
    const first = this.declarationsOf(parent).addChild(child);
    if (first === undefined) return true;
    this.reporter.reportAt('duplicate-name', child.nameLoc, duplicateNameMessage(parent, first, child.name), [
      { ...first.nameLoc, message: firstDeclaredMessage(first) },
    ]);
    return false;
  }

  /**
   * One cluster per model: the first `cluster` block names it (and turns the implicit one
   * explicit); a block with the same name merges into it, as from an import; another name is
   * one `misplaced-block` error, and its body is not read.
   */
  private clusterBlock(block: BlockHeader): void {
    const cluster = this.model.cluster;
    if (!this.clusterDeclared) {
      this.clusterDeclared = true;
      cluster.implicit = false;
      cluster.name = block.name.text;
      cluster.path = block.name.text;
      cluster.loc = this.headerLoc(block);
      cluster.nameLoc = this.locOf(block.name);
      if (block.label) cluster.label = block.label.value;
    } else if (block.name.text !== cluster.name) {
      this.reporter.reportAt(
        'misplaced-block',
        this.headerLoc(block),
        secondClusterMessage(block.name.text, cluster),
        [{ ...cluster.loc, message: `cluster ${cluster.name} is declared here` }],
      );
      // Its machines are not read: merged into the first cluster they would only add errors
      // (duplicate names, a control plane that is another cluster's) to the one that matters.
      return;
    }
    this.body('cluster', cluster);
  }

  private machineBlock(block: BlockHeader, context: Context): void {
    const cluster = this.model.cluster;
    const name = block.name.text;
    const machine: Machine = labelled(
      {
        kind: 'machine',
        name,
        path: entityPath(cluster, name),
        loc: this.headerLoc(block),
        nameLoc: this.locOf(block.name),
        parent: cluster,
        machineKind: 'vm',
        children: [],
        processes: [],
        pods: [],
      },
      block,
    );
    if (context === 'file') machine.outsideClusterBlock = true;
    this.registerChild(cluster, machine);
    cluster.machines.push(machine);
    this.body('machine', machine);
  }

  private groupBlock(block: BlockHeader, parent: Machine | Group): void {
    const name = block.name.text;
    const group: Group = labelled(
      {
        kind: 'group',
        name,
        path: entityPath(parent, name),
        loc: this.headerLoc(block),
        nameLoc: this.locOf(block.name),
        parent,
        children: [],
      },
      block,
    );
    this.registerChild(parent, group);
    parent.children.push(group);
    this.body('group', group);
  }

  private processBlock(block: BlockHeader, parent: Machine | Group | Container): void {
    const name = block.name.text;
    const process: Process = labelled(
      {
        kind: 'process',
        name,
        path: entityPath(parent, name),
        loc: this.headerLoc(block),
        nameLoc: this.locOf(block.name),
        parent,
        role: inferProcessRole(name),
        listens: [],
        connects: [],
      },
      block,
    );
    this.registerChild(parent, process);
    if (parent.kind === 'container') parent.processes.push(process);
    else {
      parent.children.push(process);
      machineOf(parent)?.processes.push(process);
    }
    this.body('process', process);
  }

  private podBlock(block: BlockHeader, machine: Machine): void {
    const name = block.name.text;
    const path = entityPath(machine, name);
    const pod = labelled(emptyPod(name, path, this.headerLoc(block), this.locOf(block.name), machine), block);
    if (!this.registerChild(machine, pod)) this.duplicatePods.add(pod);
    machine.children.push(pod);
    machine.pods.push(pod);
    this.body('pod', pod);
    linkMounts(pod);
    this.checkPodNamespace(pod);
  }

  /** Services live in the cluster (a file-level one too), unique per namespace and name. */
  private serviceBlock(block: BlockHeader): void {
    const cluster = this.model.cluster;
    const name = block.name.text;
    const service: Service = labelled(
      {
        kind: 'service',
        name,
        path: name,
        loc: this.headerLoc(block),
        nameLoc: this.locOf(block.name),
        parent: cluster,
        namespace: 'default',
        serviceType: 'ClusterIP',
        selector: [],
        ports: [],
        selected: [],
      },
      block,
    );
    this.body('service', service);
    // Services of one name in two namespaces stay apart wherever paths name things (diagram ids).
    if (service.namespace !== 'default') service.path = `${service.namespace}/${name}`;
    this.checkUniqueInNamespace(service, cluster.services);
    cluster.services.push(service);
  }

  /**
   * A workload's body is a pod template: pod properties, volumes and containers go to `template`
   * (whose parent is the workload), `replicas` and `on` to the workload. Expansion places it later.
   */
  private workloadBlock(block: BlockHeader, workloadKind: WorkloadKind): void {
    const cluster = this.model.cluster;
    const name = block.name.text;
    const loc = this.headerLoc(block);
    const nameLoc = this.locOf(block.name);
    // The workload and its template point at each other: the template is set right after.
    const workload = labelled(
      {
        kind: 'workload',
        workloadKind,
        name,
        path: name,
        loc,
        nameLoc,
        parent: cluster,
        namespace: 'default',
        replicas: 1,
        on: [],
        pods: [],
        placed: false,
        placementProblems: [],
      } as Omit<Workload, 'template'> as Workload,
      block,
    );
    // The template has the workload's name and place; its label stays the workload's.
    workload.template = emptyPod(name, name, loc, nameLoc, workload);
    workload.template.workload = workload;
    this.body(workloadKind, workload);
    linkMounts(workload.template);
    this.checkUniqueInNamespace(
      workload,
      cluster.workloads.filter((other) => other.workloadKind === workloadKind),
    );
    cluster.workloads.push(workload);
  }

  /** `duplicate-name` for a second service (or workload of one kind) with a namespace and name. */
  private checkUniqueInNamespace(entity: Service | Workload, others: readonly (Service | Workload)[]): void {
    const first = others.find((other) => other.name === entity.name && other.namespace === entity.namespace);
    if (!first) return;
    const what = entity.kind === 'service' ? 'service' : entity.workloadKind;
    this.reporter.reportAt(
      'duplicate-name',
      entity.nameLoc,
      `duplicate ${what} name \`${entity.name}\` in namespace \`${entity.namespace}\`: names are unique per kind and namespace`,
      [{ ...first.nameLoc, message: `${what} ${first.name} is first declared here` }],
    );
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

  private containerBlock(block: BlockHeader, pod: Pod): void {
    const name = block.name.text;
    const container: Container = labelled(
      {
        kind: 'container',
        name,
        path: entityPath(pod, name),
        loc: this.headerLoc(block),
        nameLoc: this.locOf(block.name),
        parent: pod,
        role: 'app',
        listens: [],
        connects: [],
        mounts: [],
        processes: [],
      },
      block,
    );
    this.registerChild(pod, container);
    pod.containers.push(container);
    this.body('container', container);
  }

  private volumeBlock(block: BlockHeader, pod: Pod): void {
    const name = block.name.text;
    const volume: Volume = labelled(
      {
        kind: 'volume',
        name,
        path: entityPath(pod, name),
        loc: this.headerLoc(block),
        nameLoc: this.locOf(block.name),
        parent: pod,
      },
      block,
    );
    this.registerChild(pod, volume);
    pod.volumes.push(volume);
    this.body('volume', volume);
  }

  // ── properties ──────────────────────────────────────────────────────────────────────────

  private property(statement: PropertyStatement, context: Context, owner: Entity | undefined): void {
    const name = statement.name.text;
    const spec = findProperty(context, name);
    if (!spec) {
      this.report('unknown-property', statement, unknownPropertyMessage(name, context, owner));
      return;
    }
    // One location of the statement serves both the repeat check and the stored value.
    const loc = this.locOf(statement);
    const first = this.declarationsOf(owner).firstSetting(name, loc);
    if (first && !spec.repeatable) {
      const message = repeatedPropertyMessage(name, context, owner);
      this.report('unknown-property', statement, message, first, `\`${name}\` is first set here`);
      return;
    }
    const read = readPropertyValue(spec, statement);
    if (!read.ok) {
      this.report('invalid-value', read.problem, read.problem.message);
      return;
    }
    this.apply(statement, loc, read.value, owner);
  }

  /** Stores a well-formed value: file-level statements on the model, the rest on their entity. */
  private apply(
    statement: PropertyStatement,
    loc: Location,
    value: PropertyValue,
    owner: Entity | undefined,
  ): void {
    const name = statement.name.text;
    if (!owner) {
      if (value.type === 'string' && name === 'title') this.model.title = value.value;
      if (value.type === 'string' && name === 'description') this.model.description = value.value;
      return;
    }
    if (value.type === 'ports' && value.hostPort !== undefined && owner.kind === 'process') {
      this.report('invalid-value', statement, hostPortOnProcessMessage(owner));
      return;
    }
    const connect = storeProperty(owner, name, value, loc);
    if (!connect) return;
    this.model.connections.push(connect);
    if (connect.endpoint.kind === 'path' && value.type === 'endpoint' && value.pathSpan) {
      const pending = connect as PendingPath['connect'];
      this.pendingPaths.push({ connect: pending, loc: this.locOf(value.pathSpan) });
    }
  }

  /**
   * Each name path of a `connect`: an entity of the model, else a service by name or DNS name,
   * else, when no visible name is close to it, a host outside the model (`api.example.com`).
   */
  private resolvePaths(): void {
    for (const { connect: pending, loc } of this.pendingPaths) {
      const connect: Connect = pending;
      const { endpoint } = pending;
      const resolution = resolvePath(connect.owner, endpoint.parts);
      if (resolution.ok && resolution.target.kind !== 'service') {
        endpoint.target = resolution.target;
        continue;
      }
      const written = endpoint.parts.join('.');
      const service =
        resolution.ok && resolution.target.kind === 'service'
          ? resolution.target
          : findService(this.model.cluster, endpoint.parts, namespaceOf(connect.owner));
      if (service) {
        connect.endpoint = { kind: 'service', service, written, ...portOf(endpoint) };
      } else if (!resolution.ok && !resolution.nearMiss && looksLikeHostName(endpoint.parts)) {
        connect.endpoint = { kind: 'external', host: written, ...portOf(endpoint) };
      } else if (!resolution.ok) {
        this.reporter.reportAt('unresolved-reference', loc, resolution.message);
      }
    }
  }
}
