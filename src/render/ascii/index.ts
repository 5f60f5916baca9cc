// The ASCII views of a topology (tree, node, pod, cluster, services) as plain text within a width budget,
// in Unicode box drawing or plain `+-|`. Output has no trailing spaces and no final newline.

import { allPods } from '../../model/query.js';
import type { Machine, Pod, Topology } from '../../model/types.js';
import type { Frame } from './box.js';
import { glyphsFor } from './charset.js';
import { clusterDrawing } from './cluster.js';
import type { Block } from './layout.js';
import { nodeBox } from './node.js';
import { ASCII_VIEWS, type AsciiOptions, type AsciiView, resolveAsciiOptions } from './options.js';
import { podViewBox } from './pod.js';
import { servicesDrawing } from './services.js';
import { drawTree, machineTree } from './tree.js';

export { ASCII_VIEWS, type AsciiOptions, type AsciiView, AsciiWidthError, type Charset } from './options.js';

export function renderTreeView(machine: Machine, options?: Partial<AsciiOptions>): string {
  const { width, charset } = resolveAsciiOptions(options);
  return drawTree(machineTree(machine), width, glyphsFor(charset)).join('\n');
}

export function renderNodeView(machine: Machine, options?: Partial<AsciiOptions>): string {
  return finish(nodeBox(machine, topFrame(options)));
}

export function renderPodView(pod: Pod, options?: Partial<AsciiOptions>): string {
  return finish(podViewBox(pod, topFrame(options)));
}

export function renderClusterView(model: Topology, options?: Partial<AsciiOptions>): string {
  return finish(clusterDrawing(model, topFrame(options)));
}

/** Every service with the pods it selects; empty text when the model has no service. */
export function renderServicesView(model: Topology, options?: Partial<AsciiOptions>): string {
  if (model.cluster.services.length === 0) return '';
  return finish(servicesDrawing(model.cluster.services, topFrame(options)));
}

/** The chosen views (default all, in the order given), every drawing separated by one empty line. */
export function renderAscii(
  model: Topology,
  options: Partial<AsciiOptions> & { views?: AsciiView[] } = {},
): string {
  const drawings = (options.views ?? ASCII_VIEWS).flatMap((view) => viewDrawings(model, view, options));
  return drawings.filter((drawing) => drawing !== '').join('\n\n');
}

function viewDrawings(model: Topology, view: AsciiView, options: Partial<AsciiOptions>): string[] {
  const machines = model.cluster.machines;
  switch (view) {
    case 'tree':
      return machines.map((machine) => renderTreeView(machine, options));
    case 'node':
      return machines.map((machine) => renderNodeView(machine, options));
    case 'pod':
      return allPods(model).map((pod) => renderPodView(pod, options));
    case 'cluster':
      return [renderClusterView(model, options)];
    case 'services':
      return [renderServicesView(model, options)];
  }
}

function topFrame(options: Partial<AsciiOptions> | undefined): Frame {
  const { width, charset } = resolveAsciiOptions(options);
  return { width, outer: 0, glyphs: glyphsFor(charset) };
}

function finish(block: Block): string {
  return block.lines.map((line) => line.trimEnd()).join('\n');
}
