// Drift (`check --against SOURCE…`): the documented topology compared with what the sources say
// (manifests, a cluster snapshot). Each difference is a finding: `drift-missing` (documented, not
// in the sources) and `drift-changed` (one per property, both values) at the .topo line,
// `drift-extra` (only in the sources) at the source's line.

import { type Diagnostic, fileRange, type Location } from '../diagnostics.js';
import type { Topology } from '../model/types.js';
import { type Change, compareRecords } from './compare.js';
import { type EntityRecord, modelRecords, type RecordOptions } from './records.js';

const DRIFT_FACT =
  'Documentation drifts from the system it describes as soon as either changes alone; comparing the documented topology with the manifests or a snapshot of the cluster (`kubectl get nodes,pods,services -A -o yaml`) shows where, entity by entity. The pods a workload expands into are compared through the workload (replicas and template), so generated pod names and pod IPs are not drift.';
const DRIFT_URL = 'https://kubernetes.io/docs/reference/kubectl/generated/kubectl_get/';

export const DRIFT_FINDINGS = [
  {
    id: 'drift-missing',
    description: 'An entity the topology documents that the sources (`--against`) do not have',
    defaultSeverity: 'error',
    fact: DRIFT_FACT,
    url: DRIFT_URL,
    hint: 'Remove the entity from the topology if it is gone, or deploy it if it should exist.',
  },
  {
    id: 'drift-extra',
    description: 'An entity the sources (`--against`) have that the topology does not document',
    defaultSeverity: 'error',
    fact: DRIFT_FACT,
    url: DRIFT_URL,
    hint: 'Document the entity in the topology (`topodoc import` writes it), or remove it from the system.',
  },
  {
    id: 'drift-changed',
    description: 'A property whose documented value differs from the sources (`--against`)',
    defaultSeverity: 'error',
    fact: DRIFT_FACT,
    url: DRIFT_URL,
    hint: 'Update the documented value, or the system, so that the two agree.',
  },
] as const;

export type DriftId = (typeof DRIFT_FINDINGS)[number]['id'];

export interface DriftSource {
  /** As the user named it (`k8s/`, `snapshot.yaml`). */
  name: string;
  model: Topology;
  /** Display path → text of the files read, for the code frames of `drift-extra`. */
  sources: ReadonlyMap<string, string>;
}

/** The drift findings of `documented` against the union of `sources` (a later source's entity wins). */
export function driftFindings(
  documented: Topology,
  sources: readonly DriftSource[],
  options: RecordOptions = {},
): Diagnostic[] {
  const actual = new Map<string, EntityRecord>();
  const sourceOf = new Map<string, string>();
  for (const source of sources) {
    for (const [key, record] of modelRecords(source.model, options)) {
      actual.set(key, record);
      sourceOf.set(key, source.name);
    }
  }
  const names = sources.map((source) => source.name).join(', ');
  const nameOf = (change: Change) => sourceOf.get(`${change.kind} ${change.id}`) ?? names;
  return compareRecords(modelRecords(documented, options), actual).flatMap((change): Diagnostic[] => {
    const what = `${change.kind} ${change.id}`;
    if (change.change === 'removed') {
      return [finding('drift-missing', change.before.loc, `${what} is documented but not in ${names}`)];
    }
    if (change.change === 'added') {
      return [finding('drift-extra', change.after.loc, `${what} is in ${nameOf(change)} but not documented`)];
    }
    return change.properties.map(({ name, before, after }) =>
      finding(
        'drift-changed',
        change.before.propertyLocs.get(name) ?? change.before.loc,
        `${what}: \`${name}\` is ${shown(before)} here and ${shown(after)} in ${nameOf(change)}`,
      ),
    );
  });
}

function shown(value: string | undefined): string {
  return value === undefined ? 'not set' : `\`${value}\``;
}

function finding(id: DriftId, loc: Location, message: string): Diagnostic {
  const meta = DRIFT_FINDINGS.find((each) => each.id === id);
  return {
    ...fileRange(loc),
    severity: 'error',
    source: 'checker',
    ruleId: id,
    message,
    ...(meta ? { hint: meta.hint } : {}),
  };
}
