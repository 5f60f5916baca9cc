// Well-formedness of the box views: parsed back, every box is closed with matching corners, boxes
// are nested or disjoint, every entity has its box, and no line is wider than the budget.

import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { unscheduledTemplates } from '../../src/model/query.js';
import type { Group, Machine, Pod, Process, Topology } from '../../src/model/types.js';
import {
  AsciiWidthError,
  type Charset,
  renderClusterView,
  renderNodeView,
  renderPodView,
  renderServicesView,
  renderTreeView,
} from '../../src/render/ascii/index.js';
import { arbitraryTopologySpec } from './ascii-arbitrary.js';
import { overlapProblems, parseDrawing } from './ascii-drawing.js';
import { loadFixtures } from './ascii-fixtures.js';
import { buildTopology } from './ascii-model.js';

const CHARSETS: Charset[] = ['unicode', 'ascii'];
const fixtures = await loadFixtures();

function processOrGroupBoxes(entity: Process | Group): number {
  return entity.kind === 'process'
    ? 1
    : 1 + entity.children.map(processOrGroupBoxes).reduce((a, b) => a + b, 0);
}

function podBoxes(pod: Pod): number {
  return 1 + pod.containers.reduce((sum, container) => sum + 1 + container.processes.length, 0);
}

function nodeBoxes(machine: Machine): number {
  return machine.children.reduce(
    (sum, child) => sum + (child.kind === 'pod' ? podBoxes(child) : processOrGroupBoxes(child)),
    1,
  );
}

/** The cluster box (also drawn for an implicit cluster with services or templates), machines, pods, templates. */
function clusterBoxes(model: Topology): number {
  const machines = model.cluster.machines;
  const templates = unscheduledTemplates(model).length;
  const boxed = !model.cluster.implicit || templates > 0 || model.cluster.services.length > 0;
  return (boxed ? 1 : 0) + machines.length + machines.reduce((sum, m) => sum + m.pods.length, 0) + templates;
}

/** A box per service and per pod (or template) it selects. */
function servicesBoxes(model: Topology): number {
  return model.cluster.services.reduce((sum, service) => sum + 1 + service.selected.length, 0);
}

/** Every box drawing of the model with the number of boxes it must contain. */
function boxDrawings(model: Topology, charset: Charset, width: number): { text: string; boxes: number }[] {
  const options = { charset, width };
  const machines = model.cluster.machines;
  return [
    ...machines.map((machine) => ({ text: renderNodeView(machine, options), boxes: nodeBoxes(machine) })),
    ...machines.flatMap((machine) =>
      machine.pods.map((pod) => ({ text: renderPodView(pod, options), boxes: podBoxes(pod) })),
    ),
    { text: renderClusterView(model, options), boxes: clusterBoxes(model) },
    ...(model.cluster.services.length === 0
      ? []
      : [{ text: renderServicesView(model, options), boxes: servicesBoxes(model) }]),
  ];
}

/** Line problems of any drawing; with `boxes`, also the box problems of a box drawing. */
function drawingProblems(text: string, charset: Charset, width: number, boxes?: number): string[] {
  const problems: string[] = [];
  if (boxes !== undefined) {
    const parsed = parseDrawing(text, charset);
    problems.push(...parsed.problems);
    if (parsed.boxes.length !== boxes) problems.push(`expected ${boxes} boxes, found ${parsed.boxes.length}`);
  }
  text.split('\n').forEach((line, index) => {
    if (stringWidth(line) > width) problems.push(`line ${index + 1} is ${stringWidth(line)} columns wide`);
    if (line !== line.trimEnd()) problems.push(`line ${index + 1} has trailing spaces`);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for leaked control characters
    if (/[\u0000-\u001f\u007f-\u009f]/.test(line)) problems.push(`line ${index + 1} has a control character`);
  });
  return problems;
}

function allProblems(model: Topology, charset: Charset, width: number): string[] {
  const trees = model.cluster.machines.map((machine) => renderTreeView(machine, { charset, width }));
  return [
    ...boxDrawings(model, charset, width).flatMap(({ text, boxes }) =>
      drawingProblems(text, charset, width, boxes),
    ),
    ...trees.flatMap((text) => drawingProblems(text, charset, width)),
  ];
}

describe('box views parse back into closed, nested boxes', () => {
  it.each(fixtures)('fixture $name', ({ model }) => {
    for (const charset of CHARSETS) expect(allProblems(model, charset, 80)).toEqual([]);
  });

  it('holds for generated models at widths 40–200 (no width errors there)', () => {
    fc.assert(
      fc.property(
        arbitraryTopologySpec,
        fc.integer({ min: 40, max: 200 }),
        fc.constantFrom(...CHARSETS),
        (spec, width, charset) => {
          expect(allProblems(buildTopology(spec), charset, width)).toEqual([]);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('holds at narrow widths, or the renderer refuses with a width error', () => {
    fc.assert(
      fc.property(arbitraryTopologySpec, fc.integer({ min: 8, max: 40 }), (spec, width) => {
        try {
          expect(allProblems(buildTopology(spec), 'unicode', width)).toEqual([]);
        } catch (error) {
          if (!(error instanceof AsciiWidthError)) throw error;
          expect(error.neededWidth).toBeGreaterThan(width);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('the drawing parser itself', () => {
  it('reports a box whose right border is out of line', () => {
    const broken = ['┌────┐', '│ ab │', '│ 日本 │', '└────┘'].join('\n');
    expect(parseDrawing(broken, 'unicode').problems).not.toEqual([]);
  });

  it('reports boxes that overlap without nesting', () => {
    const outer = { top: 0, left: 0, bottom: 4, right: 9 };
    expect(overlapProblems([outer, { top: 1, left: 2, bottom: 3, right: 7 }])).toEqual([]);
    expect(overlapProblems([outer, { top: 5, left: 0, bottom: 6, right: 9 }])).toEqual([]);
    expect(overlapProblems([outer, { top: 2, left: 5, bottom: 6, right: 12 }])).toHaveLength(1);
  });

  it('accepts nested boxes with wide characters', () => {
    const nested = ['┌────────┐', '│ ┌────┐ │', '│ │日本│ │', '│ └────┘ │', '└────────┘'].join('\n');
    expect(parseDrawing(nested, 'unicode')).toEqual({
      boxes: [
        { top: 0, left: 0, bottom: 4, right: 9 },
        { top: 1, left: 2, bottom: 3, right: 7 },
      ],
      problems: [],
    });
  });
});
