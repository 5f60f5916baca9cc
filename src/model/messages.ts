// Wording of the builder's model errors (rules.md section A): what is wrong, what is allowed
// there (read from schema.ts), and a "did you mean" when a close name exists.

import type { BlockKeyword } from '../parser/ast.js';
import { didYouMean } from '../text/suggest.js';
import { describe } from './resolve.js';
import { type Context, NESTING, PROPERTIES, propertiesOf } from './schema.js';
import type { Cluster, Entity, Pod, Process } from './types.js';

/** `a`, `a or b`, `a, b or c`. */
function joinOr(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** `on container web/app` or `at the top level of a file`. */
function onOwner(owner: Entity | undefined): string {
  return owner ? `on ${describe(owner)}` : 'at the top level of a file';
}

/** Where a block may stand: `at the top level or inside a cluster`, `inside a machine, a group or a container`. */
function homesOf(keyword: BlockKeyword): string {
  const contexts = (Object.keys(NESTING) as Context[]).filter((context) =>
    NESTING[context].includes(keyword),
  );
  const blocks = contexts.filter((context) => context !== 'file').map((context) => `a ${context}`);
  const inside = blocks.length === 0 ? [] : [`inside ${joinOr(blocks)}`];
  return joinOr([...(contexts.includes('file') ? ['at the top level'] : []), ...inside]);
}

function allowedProperties(context: Context): string[] {
  return [...new Set(propertiesOf(context).map((spec) => spec.name))];
}

export function misplacedBlockMessage(
  keyword: BlockKeyword,
  context: Context,
  owner: Entity | undefined,
): string {
  const allowed = NESTING[context];
  const allowedText =
    allowed.length === 0 ? `no block may stand inside a ${context}` : `allowed there: ${allowed.join(', ')}`;
  const where = owner ? `inside ${describe(owner)}` : 'at the top level of a file';
  return `a \`${keyword}\` block cannot stand ${where} (${allowedText}); a ${keyword} belongs ${homesOf(keyword)}`;
}

export function secondClusterMessage(name: string, cluster: Cluster): string {
  return `a model holds one cluster: \`cluster ${name}\` cannot stand beside cluster ${cluster.name}, so its blocks are not read; describe each cluster in its own file (a block with the same name merges into the first)`;
}

export function unknownPropertyMessage(name: string, context: Context, owner: Entity | undefined): string {
  const allowed = allowedProperties(context);
  const elsewhere = PROPERTIES.filter((spec) => spec.name === name).flatMap((spec) => spec.contexts);
  const belongs =
    elsewhere.length === 0
      ? ''
      : ` (it belongs ${elsewhere.includes('file') ? 'at the top level' : `on ${joinOr(elsewhere)}`})`;
  // A misspelt block keyword written without a body (`proces kubelet`) reads as a property.
  const suggestion = didYouMean(name, [...allowed, ...NESTING[context]]);
  return `property \`${name}\` is not allowed ${onOwner(owner)}${belongs}; allowed there: ${allowed.join(', ')}${suggestion}`;
}

export function repeatedPropertyMessage(name: string, context: Context, owner: Entity | undefined): string {
  return `property \`${name}\` is set twice ${onOwner(owner)}, where it takes one value; allowed there: ${allowedProperties(context).join(', ')}`;
}

export function hostPortOnProcessMessage(process: Process): string {
  return `\`host\` maps a container port to a host port; process ${process.path} listens on its machine's ports directly`;
}

export function duplicateNameMessage(parent: Entity, first: Entity, name: string): string {
  return `duplicate name \`${name}\`: ${describe(parent)} already has a ${first.kind} named \`${name}\``;
}

export function duplicatePodMessage(pod: Pod, first: Pod): string {
  return `duplicate pod name \`${pod.name}\` in namespace \`${pod.namespace}\`: pod ${first.path} has it already; pod names are unique per namespace across the cluster`;
}

/** The related-location text pointing at the first declaration. */
export function firstDeclaredMessage(first: Entity): string {
  return `${first.kind} ${first.path} is first declared here`;
}
