// Reads the boxes Mermaid drew for subgraphs out of a written SVG (with happy-dom's XML parser)
// and the nesting the `.mmd` declares, and lists where a box is not inside its parent or overlaps
// a sibling: the containment invariant of every diagram topodoc writes.

import { Window } from 'happy-dom';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Subgraph id → its parent subgraph id (undefined at the top), in declaration order. */
export function subgraphNesting(mermaid: string): Map<string, string | undefined> {
  const nesting = new Map<string, string | undefined>();
  const stack: string[] = [];
  for (const line of mermaid.split('\n')) {
    const opened = /^\s*subgraph ([A-Za-z0-9_]+)\[/.exec(line);
    if (opened?.[1]) {
      nesting.set(opened[1], stack[stack.length - 1]);
      stack.push(opened[1]);
    } else if (/^\s*end$/.test(line)) stack.pop();
  }
  return nesting;
}

/** Subgraph id → the rectangle drawn for it (ids in the SVG carry a `PREFIX-` before the Mermaid id). */
export function clusterBoxes(svg: string): Map<string, Box> {
  const window = new Window();
  const document = new window.DOMParser().parseFromString(svg, 'image/svg+xml');
  const boxes = new Map<string, Box>();
  for (const group of document.querySelectorAll('g.cluster')) {
    const rect = group.querySelector('rect');
    const id = group.getAttribute('id') ?? '';
    if (!rect) continue;
    const number = (name: string) => Number(rect.getAttribute(name) ?? Number.NaN);
    // Mermaid lays out some subgraphs on their own and places them with `translate` on an ancestor.
    let dx = 0;
    let dy = 0;
    for (let node = group.parentElement; node; node = node.parentElement) {
      const shift = /translate\(\s*([-\d.e]+)[\s,]+([-\d.e]+)\s*\)/.exec(
        node.getAttribute('transform') ?? '',
      );
      if (shift) {
        dx += Number(shift[1]);
        dy += Number(shift[2]);
      }
    }
    boxes.set(id.replace(/^(?:topodoc-[0-9a-f]+|my-svg)-/, ''), {
      x: number('x') + dx,
      y: number('y') + dy,
      width: number('width'),
      height: number('height'),
    });
  }
  window.close();
  return boxes;
}

const TOLERANCE = 0.5;

function inside(inner: Box, outer: Box): boolean {
  return (
    inner.x >= outer.x - TOLERANCE &&
    inner.y >= outer.y - TOLERANCE &&
    inner.x + inner.width <= outer.x + outer.width + TOLERANCE &&
    inner.y + inner.height <= outer.y + outer.height + TOLERANCE
  );
}

function overlap(a: Box, b: Box): boolean {
  return (
    a.x + TOLERANCE < b.x + b.width &&
    b.x + TOLERANCE < a.x + a.width &&
    a.y + TOLERANCE < b.y + b.height &&
    b.y + TOLERANCE < a.y + a.height
  );
}

/** Every broken containment: a box outside its parent, two sibling boxes overlapping, a box missing. */
export function containmentViolations(mermaid: string, svg: string): string[] {
  const nesting = subgraphNesting(mermaid);
  const boxes = clusterBoxes(svg);
  const problems: string[] = [];
  for (const [id, parent] of nesting) {
    const box = boxes.get(id);
    if (!box) {
      problems.push(`${id} has no box`);
      continue;
    }
    const outer = parent === undefined ? undefined : boxes.get(parent);
    if (parent !== undefined && outer && !inside(box, outer)) problems.push(`${id} is not inside ${parent}`);
  }
  const ids = [...nesting.keys()];
  for (const [index, a] of ids.entries()) {
    for (const b of ids.slice(index + 1)) {
      if (nesting.get(a) !== nesting.get(b)) continue;
      const boxA = boxes.get(a);
      const boxB = boxes.get(b);
      if (boxA && boxB && overlap(boxA, boxB)) problems.push(`${a} overlaps ${b}`);
    }
  }
  return problems;
}
