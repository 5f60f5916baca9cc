// The containment check of bench/layout.ts: a subgraph box outside its parent, two overlapping
// siblings and a missing box are found, boxes placed by an ancestor's translate are measured where
// they are drawn, and a well-nested picture has none. Every SVG of the gallery (out/, kept current
// by `build --check` in CI) is held to it: no pod drawn outside its machine, no sibling overlap.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { containmentViolations, subgraphNesting } from '../../bench/svg-layout.js';

const MERMAID = [
  'flowchart LR',
  '  subgraph m["machine"]',
  '    subgraph a["pod a"]',
  '      c1["c"]',
  '    end',
  '    subgraph b["pod b"]',
  '      c2["c"]',
  '    end',
  '  end',
  '',
].join('\n');

function svg(boxes: Record<string, [number, number, number, number]>, shift = ''): string {
  const groups = Object.entries(boxes)
    .map(
      ([id, [x, y, width, height]]) =>
        `<g class="cluster" id="topodoc-0a1b-${id}"><rect x="${x}" y="${y}" width="${width}" height="${height}"/></g>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 500 500"><g class="root"${shift}><g class="clusters">${groups}</g></g></svg>`;
}

describe('containmentViolations', () => {
  it('reads the nesting of the Mermaid text', () => {
    expect([...subgraphNesting(MERMAID)]).toEqual([
      ['m', undefined],
      ['a', 'm'],
      ['b', 'm'],
    ]);
  });

  it('finds nothing in a well-nested picture', () => {
    expect(
      containmentViolations(
        MERMAID,
        svg({ m: [0, 0, 300, 200], a: [10, 10, 100, 100], b: [150, 10, 100, 100] }),
      ),
    ).toEqual([]);
  });

  it('finds a box outside its parent, overlapping siblings and a missing box', () => {
    expect(
      containmentViolations(
        MERMAID,
        svg({ m: [0, 0, 300, 200], a: [-20, 10, 100, 100], b: [50, 10, 100, 100] }),
      ),
    ).toEqual(['a is not inside m', 'a overlaps b']);
    expect(containmentViolations(MERMAID, svg({ m: [0, 0, 300, 200], a: [10, 10, 100, 100] }))).toEqual([
      'b has no box',
    ]);
  });

  it('measures boxes where an ancestor translate draws them', () => {
    const shifted = svg({ a: [10, 10, 100, 100], b: [150, 10, 100, 100] }, ' transform="translate(400, 0)"');
    const outer = svg({ m: [0, 0, 300, 200] }).replace('</svg>', '');
    const both = `${outer}${shifted.replace(/^<svg[^>]*>/, '')}`;
    expect(containmentViolations(MERMAID, both)).toEqual(['a is not inside m', 'b is not inside m']);
  });
});

describe('the gallery', () => {
  const out = join(import.meta.dirname, '../../out');
  const pictures = readdirSync(out).filter((name) => name.endsWith('.svg'));

  it('has pictures to check', () => {
    expect(pictures.length).toBeGreaterThanOrEqual(5);
  });

  it.each(pictures)('%s draws every subgraph inside its parent, apart from its siblings', (name) => {
    const svgText = readFileSync(join(out, name), 'utf8');
    const mermaid = readFileSync(join(out, name.replace(/\.svg$/, '.mmd')), 'utf8');
    expect(subgraphNesting(mermaid).size).toBeGreaterThan(0);
    expect(containmentViolations(mermaid, svgText)).toEqual([]);
  });
});
