// @vitest-environment happy-dom
// The Mermaid text parsed by Mermaid itself: every example and fixture parses, and labels full of
// Mermaid syntax, markup and entity codes come back as the same text, with no extra node, edge,
// subgraph, class, style, link or directive.

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import mermaid from 'mermaid';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Topology } from '../../src/model/types.js';
import { renderMermaid } from '../../src/render/mermaid/index.js';
import { allTopoInputs, mermaidOf, modelOf, unexpectedLines } from './mermaid-helpers.js';

interface FlowDb {
  getVertices(): Map<
    string,
    { id: string; text: string; classes: string[]; styles: string[]; link?: string }
  >;
  getEdges(): { start: string; end: string; text: string; stroke: string }[];
  getSubGraphs(): { id: string; title: string; nodes: string[]; classes: string[] }[];
  getClasses(): Map<string, unknown>;
  getTooltip(id: string): string | undefined;
}

interface Parsed {
  nodes: Record<string, { text: string; classes: string[]; styles: string[]; link?: string }>;
  edges: { from: string; to: string; text: string; dashed: boolean }[];
  subgraphs: Record<string, { title: string; nodes: string[]; classes: string[] }>;
  classNames: string[];
  config: unknown;
}

/** Mermaid keeps entity codes as placeholders until it draws; this turns them into characters. */
function decodeMermaidText(text: string): string {
  const named: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>' };
  const decoded = text
    .replace(/\ufb02\u00b0\u00b0(\d+)\u00b6\u00df/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/\ufb02\u00b0(\w+)\u00b6\u00df/g, (_, name: string) => named[name] ?? `&${name};`);
  return decoded;
}

/**
 * Mermaid's own parse, then its flowchart database. Labels are read from a copy whose `<br>`
 * (which topodoc writes only between lines) are newlines: happy-dom's HTML parser, which DOMPurify
 * uses on any label holding `<`, drops the text before the first tag; a browser does not.
 */
async function parseMermaid(text: string): Promise<Parsed> {
  const result = await mermaid.parse(text);
  expect(result.diagramType).toBe('flowchart-v2');
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text.replace(/<br>/g, '\n'));
  const db = diagram.db as unknown as FlowDb;
  const subgraphs = Object.fromEntries(
    db
      .getSubGraphs()
      .map((s) => [
        s.id,
        { title: decodeMermaidText(s.title), nodes: [...s.nodes].sort(), classes: s.classes },
      ]),
  );
  const nodes = Object.fromEntries(
    [...db.getVertices().values()]
      .filter((vertex) => subgraphs[vertex.id] === undefined)
      .map((v) => [
        v.id,
        { text: decodeMermaidText(v.text), classes: v.classes, styles: v.styles, link: v.link },
      ]),
  );
  for (const id of [...Object.keys(nodes), ...Object.keys(subgraphs)]) {
    expect(db.getTooltip(id), id).toBeUndefined();
  }
  return {
    nodes,
    subgraphs,
    edges: db.getEdges().map((e) => ({
      from: e.start,
      to: e.end,
      text: decodeMermaidText(e.text),
      dashed: e.stroke === 'dotted',
    })),
    classNames: [...db.getClasses().keys()].sort(),
    config: result.config,
  };
}

beforeAll(() => {
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
});

describe('Mermaid parses the view', () => {
  for (const input of allTopoInputs()) {
    it(input.name, async () => {
      const model = await modelOf(readFileSync(input.path, 'utf8'), { allowModelErrors: true });
      const text = renderMermaid(model);
      const parsed = await parseMermaid(text);
      // One edge per connect, and one per pod (or template) each service routes to.
      const routes = model.cluster.services.reduce((sum, service) => sum + service.selected.length, 0);
      expect(parsed.edges.length).toBe(model.connections.length + routes);
      expect(parsed.config).toEqual({});
    });
  }
});

/** A JavaScript string as a .topo string literal. */
function topoString(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is escaped
  const escaped = text.replace(/[\\"\n\t]|[\u0000-\u001f\u007f-\u009f]/g, (character) => {
    if (character === '\\' || character === '"') return `\\${character}`;
    if (character === '\n') return '\\n';
    if (character === '\t') return '\\t';
    return `\\u{${(character.codePointAt(0) ?? 0).toString(16)}}`;
  });
  return `"${escaped}"`;
}

/** Every kind of label (subgraph titles, nodes, edges) set to the same user text. */
function hostileTopo(label: string): string {
  const h = topoString(label);
  return `
machine m ${h} {
  group g ${h} {
    process p ${h} { connect q.a ${h} }
  }
  pod q ${h} {
    labels app=q
    container a ${h} { listen 80 }
    container b ${h} { connect localhost:80 ${h} }
  }
}
service s ${h} { selector app=q; port 80 }
`;
}

/**
 * What Mermaid should read back when every label holds `label`: topodoc trims user text and shows
 * the entity's name for a blank label; subgraph titles keep to one line.
 */
function expectedStructure(label: string) {
  const text = label.trim();
  const title = (name: string) => (text === '' ? name : text.replace(/\n+/g, ' '));
  const node = (name: string) => (text === '' ? name : text);
  return {
    nodes: {
      p_m_sg_sp: { text: node('p'), classes: ['otherProcess'], styles: [], link: undefined },
      c_m_sq_sa: { text: `${node('a')}\n:80`, classes: ['appContainer'], styles: [], link: undefined },
      c_m_sq_sb: { text: node('b'), classes: ['appContainer'], styles: [], link: undefined },
      svc_s: {
        text: `${node('s')}\nservice no IP set\n80`,
        classes: ['service'],
        styles: [],
        link: undefined,
      },
    },
    subgraphs: {
      m_m: { title: title('m'), nodes: ['g_m_sg', 'pod_m_sq'], classes: ['machine'] },
      g_m_sg: { title: title('g'), nodes: ['p_m_sg_sp'], classes: ['processGroup'] },
      pod_m_sq: { title: title('q'), nodes: ['c_m_sq_sa', 'c_m_sq_sb'], classes: ['pod'] },
    },
    edges: [
      { from: 'p_m_sg_sp', to: 'c_m_sq_sa', text, dashed: false },
      { from: 'c_m_sq_sb', to: 'c_m_sq_sa', text: text === '' ? ':80' : `${text} (:80)`, dashed: false },
      { from: 'svc_s', to: 'pod_m_sq', text: '', dashed: true },
    ],
    classNames: ['appContainer', 'machine', 'otherProcess', 'pod', 'processGroup', 'service'],
    config: {},
  };
}

const HOSTILE_LABELS = [
  `"quoted" and 'single'`,
  '["bracket"] (paren) {brace} ((circle)) >flag]',
  'end',
  'x\nend\nsubgraph evil',
  '%%{init: {"theme":"dark","securityLevel":"loose"}}%%',
  '%% a comment',
  'click p_m_sg_sp call alert(1)',
  'click p_m_sg_sp href "javascript:alert(1)"',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'a | b || c',
  '`markdown` **bold** _it_',
  'line1\nline2',
  'classDef evil fill:#f00;',
  'style p_m_sg_sp fill:#f00;',
  'A --> B; C -.-> D',
  '#quot; &amp; &#35; #35; &lt;',
  'a:::evil',
  'fa:fa-car',
  'back\\slash \\n',
  'subgraph x ["y"]',
  '--> ext_x',
  'ノード 🖥️ Café',
];

describe('hostile labels', () => {
  for (const label of HOSTILE_LABELS) {
    it(JSON.stringify(label), async () => {
      const text = await mermaidOf(hostileTopo(label));
      expect(unexpectedLines(text)).toEqual([]);
      expect(await parseMermaid(text)).toEqual(expectedStructure(label));
    });
  }

  it('drop control and bidi characters and show tabs as spaces', async () => {
    const text = await mermaidOf(hostileTopo('a\tb\u0007c\u202ed\u001b[31me'));
    expect(await parseMermaid(text)).toEqual(expectedStructure('a bcd[31me'));
  });

  it('round-trip any text (property)', async () => {
    const template = await modelOf(hostileTopo('x'));
    const printable = fc.string({
      unit: fc.oneof(
        fc.constantFrom(
          '"',
          '[',
          ']',
          '{',
          '}',
          '(',
          ')',
          '|',
          '%',
          ';',
          ':',
          '#',
          '&',
          '<',
          '>',
          '`',
          '\\',
          '\n',
        ),
        fc.constantFrom(
          'end',
          'style',
          'classDef',
          'click',
          '-->',
          'subgraph',
          'fa:fa-x',
          '#35;',
          '&amp;',
          '<br>',
        ),
        fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 3 }),
      ),
      minLength: 1,
      maxLength: 12,
    });
    await fc.assert(
      fc.asyncProperty(printable, async (label) => {
        const text = renderMermaid(relabel(template, label));
        expect(unexpectedLines(text)).toEqual([]);
        expect(await parseMermaid(text)).toEqual(expectedStructure(label));
      }),
      { numRuns: 60 },
    );
  });
});

/** The template model with every label and connect label replaced. */
function relabel(model: Topology, label: string): Topology {
  const machine = model.cluster.machines[0];
  if (machine === undefined) throw new Error('template has no machine');
  machine.label = label;
  for (const child of machine.children) {
    child.label = label;
    if (child.kind === 'group') for (const process of child.children) process.label = label;
    if (child.kind === 'pod') for (const container of child.containers) container.label = label;
  }
  for (const connect of model.connections) connect.label = label;
  for (const service of model.cluster.services) service.label = label;
  return model;
}
