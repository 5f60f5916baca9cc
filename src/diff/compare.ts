// The comparison of two models: records matched by kind and identity; what only one side has is
// added or removed (a rename is a removal and an addition: never guessed), and for what both have,
// each property whose value differs, with both values.

import { compareStrings } from '../diagnostics.js';
import type { Topology } from '../model/types.js';
import { type EntityKind, type EntityRecord, modelRecords, type RecordOptions } from './records.js';

export type Change =
  | { change: 'added'; kind: EntityKind; id: string; after: EntityRecord }
  | { change: 'removed'; kind: EntityKind; id: string; before: EntityRecord }
  | {
      change: 'changed';
      kind: EntityKind;
      id: string;
      before: EntityRecord;
      after: EntityRecord;
      /** Property, old value and new value (`undefined`: not set on that side). */
      properties: { name: string; before?: string; after?: string }[];
    };

/** The order kinds are listed in. */
export const KIND_ORDER: readonly EntityKind[] = [
  'machine',
  'process',
  'service',
  'workload',
  'pod',
  'volume',
  'container',
  'connection',
];

/** Every difference from `before` to `after`, by kind (KIND_ORDER) then id. */
export function compareModels(before: Topology, after: Topology, options: RecordOptions = {}): Change[] {
  return compareRecords(modelRecords(before, options), modelRecords(after, options));
}

export function compareRecords(
  before: ReadonlyMap<string, EntityRecord>,
  after: ReadonlyMap<string, EntityRecord>,
): Change[] {
  const changes: Change[] = [];
  for (const [key, old] of before) {
    const now = after.get(key);
    if (now === undefined) {
      changes.push({ change: 'removed', kind: old.kind, id: old.id, before: old });
      continue;
    }
    const names = [...new Set([...old.properties.keys(), ...now.properties.keys()])].sort(compareStrings);
    const properties = names.flatMap((name) => {
      const was = old.properties.get(name);
      const is = now.properties.get(name);
      if (was === is) return [];
      return [
        { name, ...(was === undefined ? {} : { before: was }), ...(is === undefined ? {} : { after: is }) },
      ];
    });
    if (properties.length > 0)
      changes.push({ change: 'changed', kind: old.kind, id: old.id, before: old, after: now, properties });
  }
  for (const [key, now] of after) {
    if (!before.has(key)) changes.push({ change: 'added', kind: now.kind, id: now.id, after: now });
  }
  return changes.sort(
    (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || compareStrings(a.id, b.id),
  );
}
