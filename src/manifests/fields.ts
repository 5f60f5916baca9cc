// Typed, positioned access to the fields of one YAML document, read as Kubernetes reads them: a
// field of the wrong type is a problem at its position (reported once) and reads as absent; `null`
// is absent; aliases are followed within a budget (alias bombs stop there) and `<<` merge keys apply.

import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  type Pair,
  type Scalar,
  visit,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import type { Range, SourceText, Span } from '../diagnostics.js';

/** Alias expansions one document may cost (each costs 1 + the aliases inside its target). */
export const MAX_ALIAS_EXPANSION = 10_000;
/** Aliases whose targets hold aliases whose targets… more than this deep count as over the budget. */
const MAX_ALIAS_DEPTH = 64;

type ValueNode = Scalar | YAMLMap | YAMLSeq;

export interface FieldProblem {
  file: string;
  range: Range;
  message: string;
}

/** One YAML document of one file: what fields need to report problems and follow aliases. */
export class DocumentScope {
  private readonly reported = new Map<unknown, Set<string>>();
  private anchors: Map<string, { offset: number; node: ValueNode }[]> | undefined;
  private readonly aliasCosts = new Map<ValueNode, number>();
  private aliasBudget = MAX_ALIAS_EXPANSION;

  constructor(
    /** The file's text: offsets of the YAML nodes count in it. */
    readonly source: SourceText,
    readonly document: Document.Parsed,
    private readonly report: (problem: FieldProblem) => void,
  ) {}

  get file(): string {
    return this.source.file;
  }

  range(start: number, end: number): Range {
    return this.source.range(start, end);
  }

  /** Reports a problem about `subject` (a node) once, however often it is read. */
  problem(subject: unknown, start: number, end: number, message: string): void {
    const messages = this.reported.get(subject) ?? new Set<string>();
    if (messages.has(message)) return;
    this.reported.set(subject, messages.add(message));
    this.report({ file: this.file, range: this.range(start, end), message });
  }

  /** The node an alias stands for, or undefined when it names no anchor or the budget is spent. */
  resolve(node: unknown): ValueNode | undefined {
    if (!isAlias(node)) return isScalar(node) || isMap(node) || isSeq(node) ? node : undefined;
    const [start = 0, end = start] = node.range ?? [];
    const target = this.anchorBefore(node.source, start);
    if (target === undefined) return undefined;
    this.aliasBudget -= this.costOf(target);
    if (this.aliasBudget < 0) {
      this.problem(
        this,
        start,
        end,
        `the YAML expands aliases more than ${MAX_ALIAS_EXPANSION} times; is it an alias bomb?`,
      );
      return undefined;
    }
    return target;
  }

  /** The last node anchored `name` before `offset` (an anchor may be redefined). */
  private anchorBefore(name: string, offset: number): ValueNode | undefined {
    this.anchors ??= indexAnchors(this.document);
    const definitions = this.anchors.get(name) ?? [];
    let found: ValueNode | undefined;
    for (const definition of definitions) if (definition.offset < offset) found = definition.node;
    return found;
  }

  /**
   * 1 + the cost of every alias inside `node` (memoized; a cycle counts once). Chains of aliases deeper
   * than MAX_ALIAS_DEPTH cost more than the budget, so the recursion stays shallow.
   */
  private costOf(node: ValueNode, depth = 0): number {
    const known = this.aliasCosts.get(node);
    if (known !== undefined) return known;
    if (depth > MAX_ALIAS_DEPTH) return MAX_ALIAS_EXPANSION + 1;
    this.aliasCosts.set(node, 1);
    let cost = 1;
    visit(node, {
      Alias: (_, alias) => {
        const target = this.anchorBefore(alias.source, alias.range?.[0] ?? 0);
        if (target) cost += this.costOf(target, depth + 1);
        return cost > MAX_ALIAS_EXPANSION ? visit.BREAK : undefined;
      },
    });
    this.aliasCosts.set(node, cost);
    return cost;
  }
}

function indexAnchors(document: Document.Parsed): Map<string, { offset: number; node: ValueNode }[]> {
  const anchors = new Map<string, { offset: number; node: ValueNode }[]>();
  const add = (node: ValueNode) => {
    if (node.anchor === undefined) return;
    const list = anchors.get(node.anchor) ?? [];
    list.push({ offset: node.range?.[0] ?? 0, node });
    anchors.set(node.anchor, list);
  };
  visit(document, {
    Scalar: (_, node) => add(node),
    Map: (_, node) => add(node),
    Seq: (_, node) => add(node),
  });
  return anchors;
}

/** What a YAML value is, for messages: `a mapping`, `the string "3"`. */
function describe(node: ValueNode): string {
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  const value = node.value;
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value)}`;
  if (typeof value === 'number') return `the number ${node.source ?? String(value)}`;
  return `\`${String(value)}\``;
}

function isNull(node: ValueNode | undefined): boolean {
  return node === undefined || (isScalar(node) && node.value === null);
}

/** `<<`: YAML 1.1 reads it as a merge key (yaml gives it a symbol value). */
function isMergeKey(key: unknown): boolean {
  return isScalar(key) && (key.value === '<<' || typeof key.value === 'symbol');
}

type Element<T> = T extends readonly (infer E)[] ? E : never;

/**
 * A field of a Kubernetes object: its YAML node, the path it was reached by (`spec.replicas`) and
 * the pair holding it, typed by the kubernetes-types interface it should match.
 */
export class Field<T> {
  private constructor(
    readonly node: ValueNode,
    /** `spec.template.spec.containers[0].image`: how messages name the field. */
    readonly path: string,
    private readonly pair: Pair | undefined,
    readonly scope: DocumentScope,
  ) {}

  static root<T>(node: ValueNode, scope: DocumentScope): Field<T> {
    return new Field<T>(node, '', undefined, scope);
  }

  /** The value, as line/column positions (for diagnostics). */
  get range(): Range {
    const { start, end } = this.span;
    return this.scope.range(start, end);
  }

  /** The value, as offsets (for the syntax tree). */
  get span(): Span {
    const [start = 0, end = start] = this.node.range ?? [];
    return { start, end };
  }

  /** The key (the value for a list item or the root). */
  get keySpan(): Span {
    const key = this.pair?.key;
    const [start = 0, end = start] = isScalar(key) && key.range ? key.range : (this.node.range ?? [0, 0]);
    return { start, end };
  }

  /** `key: value` from the key to the end of the value (the value alone for a list item). */
  get pairSpan(): Span {
    const key = this.pair?.key;
    const [valueStart = 0, valueEnd = valueStart] = this.node.range ?? [];
    const start = isScalar(key) && key.range ? key.range[0] : valueStart;
    return { start, end: Math.max(start, valueEnd) };
  }

  /** Offset of the first character of the value (or of its key). */
  get offset(): number {
    const key = this.pair?.key;
    return isScalar(key) && key.range ? key.range[0] : (this.node.range?.[0] ?? 0);
  }

  /** The field `key` of this mapping; absent (or null) is undefined; this not a mapping is a problem. */
  get<K extends keyof T & string>(key: K): Field<NonNullable<T[K]>> | undefined {
    const map = this.expect('a mapping', isMap);
    if (!map) return undefined;
    const pair = this.findPair(map, key);
    if (!pair) return undefined;
    const value = this.scope.resolve(pair.value);
    if (isNull(value)) return undefined;
    return new Field(value as ValueNode, this.childPath(key), pair, this.scope);
  }

  /** The items of this list (null items skipped); this not a list is a problem. */
  items(this: Field<readonly unknown[]>): Field<Element<T>>[] {
    const seq = this.expect('a list', isSeq);
    if (!seq) return [];
    const items: Field<Element<T>>[] = [];
    for (const [index, item] of seq.items.entries()) {
      const value = this.scope.resolve(item);
      if (!isNull(value))
        items.push(new Field(value as ValueNode, `${this.path}[${index}]`, undefined, this.scope));
    }
    return items;
  }

  /** The keys of this mapping that hold a value, merged keys included, in order. */
  keys(): string[] {
    return this.pairs().map(([key]) => key);
  }

  /** A `string → string` mapping (labels, selectors), each value as a field. */
  entries(this: Field<Readonly<Record<string, string>>>): [string, Field<string>][] {
    return this.pairs().flatMap(([key, pair]) => {
      const value = this.scope.resolve(pair.value);
      return isNull(value)
        ? []
        : [[key, new Field<string>(value as ValueNode, this.childPath(key), pair, this.scope)]];
    });
  }

  string(this: Field<string>): string | undefined {
    return this.scalar('a string', (value): value is string => typeof value === 'string');
  }

  /** A string that must be one of `members` (an enum field such as a port's `protocol`). */
  member<M extends string>(this: Field<string>, members: readonly M[]): M | undefined {
    const text = this.string();
    if (text === undefined) return undefined;
    if ((members as readonly string[]).includes(text)) return text as M;
    this.mismatch(`one of ${members.join(', ')}`);
    return undefined;
  }

  integer(this: Field<number>): number | undefined {
    return this.scalar('an integer', (value): value is number => Number.isSafeInteger(value));
  }

  boolean(this: Field<boolean>): boolean | undefined {
    return this.scalar('`true` or `false`', (value): value is boolean => typeof value === 'boolean');
  }

  /** An int-or-string field (`targetPort`): a port number or a port name. */
  intOrString(this: Field<number | string>): number | string | undefined {
    return this.scalar(
      'a number or a name',
      (value): value is number | string => typeof value === 'string' || Number.isSafeInteger(value),
    );
  }

  /** The field `key`, reported missing (at the start of this mapping) when it is absent. */
  require<K extends keyof T & string>(key: K): Field<NonNullable<T[K]>> | undefined {
    const field = this.get(key);
    if (field === undefined && isMap(this.node)) {
      const name = this.path === '' ? 'this object' : `\`${this.path}\``;
      this.reportAtStart(`${name} has no \`${key}\``);
    }
    return field;
  }

  /** Reports a problem about something missing from this mapping: on its first line. */
  reportAtStart(message: string): void {
    const [start = 0, end = start] = this.node.range ?? [];
    const lineEnd = this.scope.source.text.indexOf('\n', start);
    this.scope.problem(this.node, start, lineEnd === -1 ? end : Math.min(lineEnd, end), message);
  }

  /** Reports a problem at this field's value. */
  report(message: string): void {
    const [start = 0, end = start] = this.node.range ?? [];
    this.scope.problem(this.node, start, end, message);
  }

  private scalar<V>(what: string, accept: (value: unknown) => value is V): V | undefined {
    const node = this.node;
    if (isScalar(node) && accept(node.value)) return node.value;
    this.mismatch(what);
    return undefined;
  }

  private expect<N extends ValueNode>(what: string, test: (node: ValueNode) => node is N): N | undefined {
    if (test(this.node)) return this.node;
    this.mismatch(what);
    return undefined;
  }

  private mismatch(what: string): void {
    const name = this.path === '' ? 'a Kubernetes object' : `\`${this.path}\``;
    this.report(`${name} must be ${what}, not ${describe(this.node)}`);
  }

  private childPath(key: string): string {
    const segment = /^[A-Za-z_$][\w$-]*$/.test(key) ? key : JSON.stringify(key);
    return this.path === '' ? segment : `${this.path}.${segment}`;
  }

  /** The pair of `key`: written in the mapping itself, else in its `<<` merges (earlier merges win). */
  private findPair(map: YAMLMap, key: string): Pair | undefined {
    for (const source of this.withMerges(map)) {
      for (const pair of source.items) if (isScalar(pair.key) && pair.key.value === key) return pair;
    }
    return undefined;
  }

  /**
   * `map`, then the mappings merged into it (`<<: *defaults`, `<<: [*a, *b]`) depth first, each once:
   * the order in which their keys take precedence.
   */
  private withMerges(map: YAMLMap): YAMLMap[] {
    const order: YAMLMap[] = [];
    const visitMap = (source: YAMLMap) => {
      if (order.includes(source)) return;
      order.push(source);
      for (const pair of source.items) {
        if (!isMergeKey(pair.key)) continue;
        const value = this.scope.resolve(pair.value);
        const merged = isSeq(value) ? value.items.map((item) => this.scope.resolve(item)) : [value];
        for (const each of merged) if (isMap(each)) visitMap(each);
      }
    };
    visitMap(map);
    return order;
  }

  /** Every key with its pair, merged keys after the mapping's own, each key once. */
  private pairs(): [string, Pair][] {
    const map = this.expect('a mapping', isMap);
    if (!map) return [];
    const seen = new Map<string, Pair>();
    for (const source of this.withMerges(map)) {
      for (const pair of source.items) {
        if (!isScalar(pair.key) || isMergeKey(pair.key)) continue;
        const key = String(pair.key.value);
        if (!seen.has(key)) seen.set(key, pair);
      }
    }
    return [...seen.entries()];
  }
}
