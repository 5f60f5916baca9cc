// The manifest reader on its own: YAML 1.1 as Kubernetes reads it, merge keys and aliases, wrong
// types at their position, and hostile input (deep nesting, alias bombs, tags) refused in bounds.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_ALIAS_EXPANSION } from '../../src/manifests/fields.js';
import { MAX_YAML_NESTING, parseYaml } from '../../src/manifests/yaml.js';
import type { Statement, Value } from '../../src/parser/ast.js';
import { findings, readText } from './helpers.js';

const pod = (spec: string, metadata = '  name: web\n') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n${metadata}spec:\n  nodeName: worker-1\n${spec}`;

/** The names and bodies of the first machine's pods, compactly. */
function podsOf(text: string): string[] {
  const read = readText(text);
  const [machine] = read.document.body;
  if (machine?.type !== 'Block') return [];
  return (machine.body ?? []).flatMap((statement) =>
    statement.type === 'Block' && statement.keyword === 'pod'
      ? [JSON.stringify(statement.body?.map(outline))]
      : [],
  );
}

/** `image "nginx:1.27"` for a property, `{ "container app": [...] }` for a block. */
function outline(statement: Statement): unknown {
  if (statement.type === 'Property')
    return `${statement.name.text} ${statement.values.map(valueText).join(' ')}`.trim();
  return { [`${statement.keyword} ${statement.name.text}`]: (statement.body ?? []).map(outline) };
}

function valueText(value: Value): string {
  switch (value.type) {
    case 'Path':
      return value.parts.join('.');
    case 'String':
      return JSON.stringify(value.value);
    case 'Integer':
      return value.raw;
    case 'Port':
      return `${value.portRaw}/${value.protocol}`;
    case 'Address':
      return value.text;
    default:
      return value.type;
  }
}

describe('YAML as Kubernetes reads it', () => {
  it('reads yes/no as booleans (YAML 1.1) and `<<` merge keys', () => {
    const text = pod(
      [
        '  hostNetwork: yes',
        '  containers:',
        '  - &base',
        '    name: app',
        '    image: nginx:1.27',
        '  - <<: *base',
        '    name: copy',
      ].join('\n'),
    );
    expect(findings(readText(text))).toEqual([]);
    expect(podsOf(text)).toEqual([
      JSON.stringify([
        'host-network',
        { 'container app': ['image "nginx:1.27"'] },
        { 'container copy': ['image "nginx:1.27"'] },
      ]),
    ]);
  });

  it('reads JSON through the same path', () => {
    const json = JSON.stringify({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web' },
      spec: {
        nodeName: 'worker-1',
        containers: [{ name: 'app', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }],
      },
    });
    expect(findings(readText(json, 'pod.json'))).toEqual([]);
    expect(podsOf(json)).toEqual([
      JSON.stringify([{ 'container app': ['image "nginx:1.27"', 'listen 80'] }]),
    ]);
  });

  it('reports a field of the wrong type once, at its value, and reads it as absent', () => {
    const text = pod('  containers:\n  - name: app\n    ports:\n    - containerPort: "80"\n');
    expect(findings(readText(text))).toEqual([
      '10:22 error `spec.containers[0].ports[0].containerPort` must be an integer, not the string "80" [manifest-error]',
    ]);
  });

  it('treats null as absent', () => {
    const text = pod('  volumes:\n  containers:\n  - name: app\n    image: ~\n');
    expect(findings(readText(text))).toEqual([]);
    expect(podsOf(text)).toEqual([JSON.stringify([{ 'container app': [] }])]);
  });
});

describe('hostile YAML', () => {
  it('refuses flow collections nested past the limit before building them', () => {
    const depth = 200_000;
    const parsed = parseYaml(`${'['.repeat(depth)}${']'.repeat(depth)}`);
    expect(parsed.documents).toEqual([]);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]?.message).toContain(`more than ${MAX_YAML_NESTING} levels deep`);
    expect(parsed.problems[0]?.start).toBeLessThan(MAX_YAML_NESTING * 2);
  });

  it('refuses block collections nested past the limit', () => {
    const parsed = parseYaml(`${'- '.repeat(50_000)}x\n`);
    expect(parsed.documents).toEqual([]);
    expect(parsed.problems.map((problem) => problem.message)).toEqual([
      `the YAML nests collections more than ${MAX_YAML_NESTING} levels deep; a Kubernetes object never needs that`,
    ]);
  });

  it('reads nesting within the limit', () => {
    const depth = 100;
    const parsed = parseYaml(`a: ${'['.repeat(depth)}${']'.repeat(depth)}\n`);
    expect(parsed.problems).toEqual([]);
    expect(parsed.documents).toHaveLength(1);
  });

  it('stops an alias bomb at the expansion budget, wherever it is read', () => {
    const levels = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++)
      levels.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    const text = `apiVersion: v1\nkind: List\nmetadata:\n  bomb:\n${levels.map((line) => `    ${line}`).join('\n')}\nitems: *a11\n`;
    expect(findings(readText(text))).toEqual([
      `17:8 error the YAML expands aliases more than ${MAX_ALIAS_EXPANSION} times; is it an alias bomb? [manifest-error]`,
    ]);
  });

  it('follows a few aliases within the budget', () => {
    const text = pod(
      '  containers: &c\n  - name: app\n    image: nginx:1.27\n',
      '  name: web\n  labels: {a: &v x, b: *v}\n',
    );
    expect(findings(readText(text))).toEqual([]);
  });

  it('survives an alias that refers to the mapping holding it', () => {
    const text = `apiVersion: v1\nkind: Pod\nmetadata: &m\n  name: web\n  <<: *m\nspec:\n  nodeName: n\n  containers: []\n`;
    expect(() => readText(text)).not.toThrow();
  });

  it('refuses tags outside plain data', () => {
    const text = pod(
      '  containers:\n  - name: !!js/function "function () {}"\n    image: !!str nginx:1.27\n',
    );
    expect(findings(readText(text))).toEqual([
      '8:11 error the YAML tag `!!js/function` is not allowed: Kubernetes reads plain strings, numbers, booleans, lists and mappings only [manifest-error]',
    ]);
  });

  it('never throws, whatever the text', () => {
    const yamlish = fc.string({
      unit: fc.constantFrom(
        'a',
        ':',
        ' ',
        '\n',
        '-',
        '[',
        ']',
        '{',
        '}',
        '&a',
        '*a',
        '<<',
        '!!',
        '"',
        "'",
        '#',
        '|',
        '>',
        ',',
        '?',
        '%',
        '---',
        'kind: Pod',
        'name: x',
      ),
      maxLength: 200,
    });
    fc.assert(
      fc.property(fc.oneof(yamlish, fc.string({ maxLength: 200 })), (text) => {
        const read = readText(text);
        for (const d of read.diagnostics) {
          expect(d.range.start.line).toBeGreaterThanOrEqual(1);
          expect(d.message).not.toContain('\n');
        }
      }),
      { numRuns: 500 },
    );
  });
});
