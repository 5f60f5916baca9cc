// Name resolution of `connect` paths (language.md §4): the first name is looked up among the
// children of the block holding the statement, then of each enclosing block outward, up to the
// machines of the whole model; the rest of the path walks down through children.

import { didYouMean } from '../text/suggest.js';
import type { Entity } from './types.js';

/** Blocks whose children can be named. */
type Scope = Entity;

/** The named children of an entity, in declaration order. */
export function childrenOf(entity: Entity): Entity[] {
  switch (entity.kind) {
    case 'cluster':
      return [...entity.machines, ...entity.services, ...entity.workloads];
    case 'workload':
      // A placed workload's pods are on their machines; its template is read through the workload.
      return entity.placed ? [] : [...entity.template.volumes, ...entity.template.containers];
    case 'service':
      return [];
    case 'machine':
    case 'group':
      return entity.children;
    case 'pod':
      return [...entity.volumes, ...entity.containers];
    case 'container':
      return entity.processes;
    case 'process':
    case 'volume':
      return [];
  }
}

export function parentOf(entity: Entity): Entity | undefined {
  return entity.kind === 'cluster' ? undefined : entity.parent;
}

/** `nearMiss`: a visible name is close to the first one written (a typo, not an outside host). */
export type Resolution = { ok: true; target: Entity } | { ok: false; message: string; nearMiss: boolean };

/** Resolves `parts` as written in the block of `from` (the process or container holding the `connect`). */
export function resolvePath(from: Entity, parts: readonly string[]): Resolution {
  const [first, ...rest] = parts;
  if (first === undefined) return { ok: false, message: 'empty path', nearMiss: false };
  const written = `\`${parts.join('.')}\``;
  let target = lookupOutward(from, first);
  if (!target) {
    const prefix = rest.length === 0 ? '' : `${written} names nothing: `;
    const hint = didYouMean(first, visibleNames(from));
    return {
      ok: false,
      message: `${prefix}nothing named \`${first}\` is visible from ${describe(from)}${hint}`,
      nearMiss: hint !== '',
    };
  }
  for (const part of rest) {
    const children = childrenOf(target);
    const child = children.find((candidate) => candidate.name === part);
    if (!child) {
      const hint = didYouMean(
        part,
        children.map((candidate) => candidate.name),
      );
      return {
        ok: false,
        message: `${written} names nothing: ${describe(target)} has no \`${part}\`${hint}`,
        nearMiss: true,
      };
    }
    target = child;
  }
  return { ok: true, target };
}

function lookupOutward(from: Scope, name: string): Entity | undefined {
  for (let scope: Scope | undefined = from; scope; scope = parentOf(scope)) {
    const found = childrenOf(scope).find((child) => child.name === name);
    if (found) return found;
  }
  return undefined;
}

/** Every name the first part of a path could have meant, innermost first, without repeats. */
function visibleNames(from: Scope): Set<string> {
  const names = new Set<string>();
  for (let scope: Scope | undefined = from; scope; scope = parentOf(scope)) {
    for (const child of childrenOf(scope)) names.add(child.name);
  }
  return names;
}

/** `container worker-1/pod-1/app`; the implicit cluster is "the model". */
export function describe(entity: Entity): string {
  if (entity.kind === 'cluster') return entity.implicit ? 'the model' : `cluster ${entity.name}`;
  if (entity.kind === 'workload') return `${entity.workloadKind} ${entity.path}`;
  return `${entity.kind} ${entity.path}`;
}
