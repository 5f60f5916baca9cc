// The three forms of a diff: text for a terminal (`+` added, `-` removed, `~` changed, colour only
// when asked), JSON for bots (a stable, versioned shape), and Markdown for a pull-request comment
// (a summary line, a table per kind, the ASCII view of each changed pod with line markers).

import type { Root, RootContent, Table, TableCell } from 'mdast';
import { renderPodView } from '../render/ascii/index.js';
import { stringifyMarkdown } from '../render/markdown/index.js';
import { type Change, KIND_ORDER } from './compare.js';
import { lineDiff } from './lines.js';
import type { EntityRecord } from './records.js';

/** Colouring of text lines (the identity for each, when colour is off). */
export interface DiffColors {
  green(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
}

/** Properties whose value is a set (`a, b`): a change shows what joined and left (`listen +9090 -8080`). */
const SET_PROPERTIES = new Set(['listen', 'mount', 'labels', 'selector', 'ports']);

/** `3 differences: 1 added, 1 removed, 1 changed`, or `No differences.` */
export function summaryLine(changes: readonly Change[]): string {
  if (changes.length === 0) return 'No differences.';
  const count = (kind: Change['change']) => changes.filter((change) => change.change === kind).length;
  const noun = changes.length === 1 ? 'difference' : 'differences';
  return `${changes.length} ${noun}: ${count('added')} added, ${count('removed')} removed, ${count('changed')} changed.`;
}

/** `image nginx:1.26 → nginx:1.27`, `listen +9090 -8080`, `ip (none) → 10.0.0.2`. */
export function propertyChangeText(property: { name: string; before?: string; after?: string }): string {
  const { name, before, after } = property;
  if (SET_PROPERTIES.has(name)) {
    const was = new Set(before === undefined ? [] : before.split(', '));
    const is = new Set(after === undefined ? [] : after.split(', '));
    const added = [...is].filter((item) => !was.has(item)).map((item) => `+${item}`);
    const removed = [...was].filter((item) => !is.has(item)).map((item) => `-${item}`);
    return `${name} ${[...added, ...removed].join(' ')}`;
  }
  return `${name} ${before ?? '(none)'} → ${after ?? '(none)'}`;
}

export function formatText(changes: readonly Change[], colors: DiffColors): string {
  const lines = changes.map((change) => {
    const what = `${change.kind} ${change.id}`;
    if (change.change === 'added') return colors.green(`+ ${what}`);
    if (change.change === 'removed') return colors.red(`- ${what}`);
    return `${colors.yellow('~')} ${what}: ${change.properties.map(propertyChangeText).join('; ')}`;
  });
  return `${[...lines, summaryLine(changes)].join('\n')}\n`;
}

/** Version 1: `{ version, summary: { added, removed, changed }, changes: [{ change, kind, id, properties? }] }`. */
export function formatJson(changes: readonly Change[]): string {
  const count = (kind: Change['change']) => changes.filter((change) => change.change === kind).length;
  const json = {
    version: 1,
    summary: { added: count('added'), removed: count('removed'), changed: count('changed') },
    changes: changes.map((change) =>
      change.change === 'changed'
        ? { change: change.change, kind: change.kind, id: change.id, properties: change.properties }
        : { change: change.change, kind: change.kind, id: change.id },
    ),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** A pull-request comment: summary, one table per kind with changes, then each changed pod's view. */
export function formatMarkdown(changes: readonly Change[], options: { width: number }): string {
  const children: RootContent[] = [
    { type: 'paragraph', children: [{ type: 'text', value: summaryLine(changes) }] },
  ];
  for (const kind of KIND_ORDER) {
    const ofKind = changes.filter((change) => change.kind === kind);
    if (ofKind.length === 0) continue;
    children.push(
      {
        type: 'heading',
        depth: 3,
        children: [{ type: 'text', value: `${kind[0]?.toUpperCase()}${kind.slice(1)}s` }],
      },
      changesTable(ofKind),
    );
  }
  const views = podViews(changes, options.width);
  if (views.length > 0)
    children.push({ type: 'heading', depth: 3, children: [{ type: 'text', value: 'Pod views' }] }, ...views);
  const root: Root = { type: 'root', children };
  return stringifyMarkdown(root);
}

function changesTable(changes: readonly Change[]): Table {
  const cell = (value: string): TableCell => ({
    type: 'tableCell',
    children: value === '' ? [] : [{ type: 'text', value }],
  });
  const code = (value: string): TableCell => ({
    type: 'tableCell',
    children: [{ type: 'inlineCode', value }],
  });
  return {
    type: 'table',
    children: [
      { type: 'tableRow', children: [cell('Change'), cell('Name'), cell('What')] },
      ...changes.map((change) => ({
        type: 'tableRow' as const,
        children: [
          cell(change.change),
          code(change.id),
          cell(change.change === 'changed' ? change.properties.map(propertyChangeText).join('; ') : ''),
        ],
      })),
    ],
  };
}

/**
 * For each pod with a change to it or inside it: its ASCII view, before and after as one drawing
 * with `+`/`-` on the lines that differ (two columns of the width go to the markers).
 */
function podViews(changes: readonly Change[], width: number): RootContent[] {
  const pods = new Map<string, { before?: string; after?: string }>();
  const drawing = (record: EntityRecord | undefined) =>
    record?.pod ? renderPodView(record.pod, { width: width - 2 }) : undefined;
  for (const change of changes) {
    const before = change.change === 'added' ? undefined : change.before;
    const after = change.change === 'removed' ? undefined : change.after;
    const pod = (after ?? before)?.pod;
    if (pod === undefined) continue;
    const key = `${pod.namespace}/${pod.name}`;
    if (pods.has(key)) continue;
    const was = drawing(before);
    const is = drawing(after);
    pods.set(key, {
      ...(was === undefined ? {} : { before: was }),
      ...(is === undefined ? {} : { after: is }),
    });
  }
  return [...pods.entries()].map(([key, { before, after }]) => ({
    type: 'code',
    lang: 'diff',
    meta: key,
    value: lineDiff(before?.split('\n') ?? [], after?.split('\n') ?? []).join('\n'),
  }));
}
