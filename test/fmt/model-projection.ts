// Test helper: what a formatted file must keep from its input — the model without locations
// (entities, their properties in order, connections, suppressions and what they target), the
// model errors and the checker's findings (ids and messages).

import { check } from '../../src/checker/index.js';
import type { Location } from '../../src/diagnostics.js';
import { allEntities, loadTopologyFromText } from '../../src/model/index.js';
import type { Entity, Topology } from '../../src/model/types.js';

export async function modelProjection(text: string): Promise<unknown> {
  const { model, diagnostics } = await loadTopologyFromText(text, 'input.topo');
  return {
    title: model.title,
    description: model.description,
    entities: [model.cluster, ...allEntities(model)].map((entity) => strip(entity, true)),
    // Each owner's connects keep their order (entities above); the model-wide list follows declaration
    // order, which changes when a container's `connect` written after its `process` moves up.
    connections: model.connections.map((connect) => JSON.stringify(strip(connect, true))).sort(),
    // Comments move with their statements, so suppressions are compared as a set.
    suppressions: model.suppressions
      .map((suppression) =>
        JSON.stringify({
          rules: suppression.rules,
          reason: suppression.reason,
          scope: suppression.scope,
          targets:
            suppression.targetLine === undefined ? [] : statementsOnLine(model, suppression.targetLine),
        }),
      )
      .sort(),
    diagnostics: diagnostics.map((diagnostic) => `${diagnostic.ruleId}: ${diagnostic.message}`).sort(),
    findings: check(model, { reportUnusedDisableDirectives: true })
      // Line numbers in messages (unused directives) move with the layout.
      .map(
        (finding) =>
          `${finding.severity} ${finding.ruleId}: ${finding.message.replace(/\bline \d+/g, 'line N')}`,
      )
      .sort(),
  };
}

/** Drops locations and turns references to other entities into `kind:path`, so that no cycle remains. */
function strip(value: unknown, top = false): unknown {
  if (Array.isArray(value)) return value.map((item) => strip(item));
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  if (!top && isEntity(record)) return `${record.kind}:${record.path}`;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record).sort()) {
    if (key === 'loc' || key.endsWith('Loc') || key === 'file') continue;
    out[key] = strip(record[key]);
  }
  return out;
}

function isEntity(record: Record<string, unknown>): boolean {
  return typeof record.kind === 'string' && typeof record.path === 'string' && 'nameLoc' in record;
}

/** What a next-line suppression covers: the entities and statements that start on its target line. */
function statementsOnLine(model: Topology, line: number): string[] {
  const found: string[] = [];
  const visit = (what: string, loc: Location | undefined) => {
    if (loc !== undefined && loc.source.lineAt(loc.start) === line) found.push(what);
  };
  for (const entity of [model.cluster, ...allEntities(model)] as Entity[]) {
    visit(entity.path, entity.loc);
    for (const [key, value] of Object.entries(entity)) {
      if (key.endsWith('Loc') && key !== 'nameLoc')
        visit(`${entity.path}.${key}`, value as Location | undefined);
      if (isLocated(value)) visit(`${entity.path}.${key}`, value.loc);
      if (Array.isArray(value) && (key === 'listens' || key === 'connects' || key === 'mounts')) {
        value.forEach((item: { loc: Location }, index) => {
          visit(`${entity.path}.${key}[${index}]`, item.loc);
        });
      }
    }
  }
  return found.sort();
}

function isLocated(value: unknown): value is { value: unknown; loc: Location } {
  return typeof value === 'object' && value !== null && 'value' in value && 'loc' in value;
}
