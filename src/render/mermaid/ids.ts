// Mermaid node and subgraph ids derived from entity paths: a letters-only kind prefix, then the
// path with every character outside [A-Za-z0-9] spelled out by a prefix-free code, so ids are
// stable, never a Mermaid keyword, and two different paths never share an id.

import type { Entity } from '../../model/types.js';

/** Id prefixes; none is a prefix of another, and none starts with `o` or `x` (edge markers). */
const PREFIX = {
  machine: 'm_',
  group: 'g_',
  process: 'p_',
  pod: 'pod_',
  container: 'c_',
  volume: 'v_',
  cluster: 'k_',
  external: 'ext_',
  service: 'svc_',
  workload: 'w_',
} as const;

export type IdKind = keyof typeof PREFIX;

/**
 * Encodes text with [A-Za-z0-9] kept: `_` → `__`, `-` → `_h`, `/` → `_s`, `.` → `_d`, and any
 * other character → `_u<hex>_`. The codes are prefix-free, so decoding is unique.
 */
export function encodeIdText(text: string): string {
  let encoded = '';
  for (const character of text) {
    if (/[A-Za-z0-9]/.test(character)) encoded += character;
    else if (character === '_') encoded += '__';
    else if (character === '-') encoded += '_h';
    else if (character === '/') encoded += '_s';
    else if (character === '.') encoded += '_d';
    else encoded += `_u${(character.codePointAt(0) ?? 0).toString(16)}_`;
  }
  return encoded;
}

export function mermaidId(kind: IdKind, key: string): string {
  return PREFIX[kind] + encodeIdText(key);
}

/** The id of an entity's node or subgraph, from its path. */
export function entityId(entity: Entity): string {
  return mermaidId(entity.kind, entity.path);
}
