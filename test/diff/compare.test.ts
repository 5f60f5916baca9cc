// The model comparison: nothing for identical models, each kind of change exactly once, and
// `diff A B` the mirror image of `diff B A` for any pair of generated edits.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Change, compareModels } from '../../src/diff/compare.js';
import { loadTopologyFromText } from '../../src/model/index.js';
import type { Topology } from '../../src/model/types.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BASE = readFileSync(path.join(ROOT, 'test/fixtures/diff/shop/a.topo'), 'utf8');

async function model(text: string): Promise<Topology> {
  const loaded = await loadTopologyFromText(text, 'shop.topo', { cwd: ROOT });
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return loaded.model;
}

/** One edit of the base text and the one change it must give: `~ kind id: property` or `+`/`- kind id`. */
const EDITS: [string, (text: string) => string, string][] = [
  ['machine property', (t) => t.replace('ip 192.168.56.12', 'ip 192.168.56.22'), '~ machine worker-2: ip'],
  ['machine added', (t) => `${t}\nmachine lb { kind physical }\n`, '+ machine lb'],
  [
    'process added',
    (t) => t.replace('    process kube-proxy\n  }\n}', '    process kube-proxy\n    process chronyd\n  }\n}'),
    '+ process worker-2/chronyd',
  ],
  ['service property', (t) => t.replace('ip 10.96.0.20', 'ip 10.96.0.21'), '~ service shop/web: ip'],
  [
    'service removed',
    (t) => t.replace(/ {2}service web "web frontend" \{[\s\S]*?\n {2}\}\n/, ''),
    '- service shop/web',
  ],
  [
    'workload replicas',
    (t) => t.replace('replicas 2', 'replicas 5'),
    '~ workload statefulset shop/db: replicas',
  ],
  [
    'template label',
    (t) => t.replace('labels app=db', 'labels app=db, tier=data'),
    '~ workload statefulset shop/db: labels',
  ],
  [
    'container image',
    (t) => t.replace('nginx:1.27.0', 'nginx:1.28.0'),
    '~ container deployment shop/web/nginx: image',
  ],
  [
    'container port',
    (t) => t.replace('listen 5432', 'listen 5432, 9187'),
    '~ container statefulset shop/db/postgres: listen',
  ],
  [
    'volume type',
    (t) => t.replace('type emptyDir', 'type hostPath'),
    '~ volume deployment shop/web/cache: type',
  ],
  [
    'connection removed',
    (t) => t.replace('      connect https://payments.example.com/v1 "payments API"\n', ''),
    '- connection deployment shop/web/nginx → payments.example.com:443',
  ],
];

function summary(change: Change): string {
  if (change.change === 'changed')
    return `~ ${change.kind} ${change.id}: ${change.properties.map((p) => p.name).join(', ')}`;
  return `${change.change === 'added' ? '+' : '-'} ${change.kind} ${change.id}`;
}

describe('compareModels', () => {
  it.each(readdirSync(path.join(ROOT, 'examples')).filter((name) => name.endsWith('.topo')))(
    'finds no difference between examples/%s and itself',
    async (name) => {
      const text = readFileSync(path.join(ROOT, 'examples', name), 'utf8');
      expect(compareModels(await model(text), await model(text))).toEqual([]);
    },
  );

  it.each(EDITS)('reports a %s exactly once', async (_name, edit, expected) => {
    const edited = edit(BASE);
    expect(edited).not.toBe(BASE);
    const changes = compareModels(await model(BASE), await model(edited));
    expect(changes.map(summary)).toEqual([expected]);
  });

  it('ignores the pods a workload expands into unless asked (their names and IPs follow from it)', async () => {
    const moved = BASE.replace('pod-cidr 10.244.1.0/24', 'pod-cidr 10.244.9.0/24');
    const changes = compareModels(await model(BASE), await model(moved));
    expect(changes.map(summary)).toEqual(['~ machine worker-1: pod-cidr']);
    const generated = compareModels(await model(BASE), await model(moved), { includeGenerated: true });
    expect(generated.map(summary)).toContain('~ pod shop/web-1: ip');
  });

  it('gives mirror images for A→B and B→A (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.subarray(EDITS, { minLength: 1 }), async (edits) => {
        const edited = edits.reduce((text, [, edit]) => edit(text), BASE);
        const a = await model(BASE);
        const b = await model(edited);
        const forward = compareModels(a, b);
        const backward = compareModels(b, a);
        const mirrored = backward.map((change) =>
          change.change === 'added'
            ? { change: 'removed', kind: change.kind, id: change.id }
            : change.change === 'removed'
              ? { change: 'added', kind: change.kind, id: change.id }
              : {
                  change: 'changed',
                  kind: change.kind,
                  id: change.id,
                  properties: change.properties.map(({ name, before, after }) => ({
                    name,
                    before: after,
                    after: before,
                  })),
                },
        );
        const plain = forward.map((change) =>
          change.change === 'changed'
            ? {
                change: change.change,
                kind: change.kind,
                id: change.id,
                properties: change.properties.map(({ name, before, after }) => ({ name, before, after })),
              }
            : { change: change.change, kind: change.kind, id: change.id },
        );
        expect(mirrored).toEqual(plain);
        // Edits may overlap (a property of a removed service), but some difference always remains.
        expect(forward.length).toBeGreaterThan(0);
      }),
      { numRuns: 40, endOnFailure: true },
    );
  });
});
