// The tree view (reference figure "Our Physical Machine (or VM)"): the machine, then its groups
// (`← note`), processes, pods and containers, drawn with `├──`, `└──` and `│` guides.

import type { Container, Entity, Group, Machine, Pod, Process } from '../../model/types.js';
import type { Glyphs } from './charset.js';
import { noteOf, titleOf } from './describe.js';
import { AsciiWidthError } from './options.js';
import { cleanText, displayWidth, minWrapWidth, NO_BREAK_SPACE, wrapHanging } from './text.js';

interface TreeEntry {
  entity: Entity;
  /** Cleaned text without the note. */
  text: string;
  children: TreeEntry[];
}

/** Continuation lines of a wrapped entry are indented this much past the entry's text. */
const HANGING_INDENT = 2;

export function machineTree(machine: Machine): TreeEntry {
  return entry(machine, titleOf(machine), machine.children.map(childEntry));
}

function childEntry(child: Group | Process | Pod): TreeEntry {
  switch (child.kind) {
    case 'group':
      return entry(child, titleOf(child), child.children.map(childEntry));
    case 'process':
      return processEntry(child);
    case 'pod':
      return entry(
        child,
        `${titleOf(child)} (${podDescription(child)})`,
        child.containers.map(containerEntry),
      );
  }
}

function processEntry(process: Process): TreeEntry {
  return entry(process, `${titleOf(process)} (a process)`, []);
}

function containerEntry(container: Container): TreeEntry {
  const kind = { app: 'a container', sidecar: 'a sidecar container', init: 'an init container' }[
    container.role
  ];
  return entry(container, `${titleOf(container)} (${kind})`, container.processes.map(processEntry));
}

/** `a pod`, `a pod in kube-system, host network`, `a pod, IP 10.0.0.1`. */
function podDescription(pod: Pod): string {
  const namespace = pod.namespace === 'default' ? '' : ` in ${cleanText(pod.namespace)}`;
  const ip = pod.ip?.value.text;
  const address = pod.hostNetwork ? ', host network' : ip === undefined ? '' : `, IP${NO_BREAK_SPACE}${ip}`;
  return `a pod${namespace}${address}`;
}

function entry(entity: Entity, text: string, children: TreeEntry[]): TreeEntry {
  return { entity, text, children };
}

/** Draws the tree within `width` columns; throws AsciiWidthError when an entry is nested too deep to fit. */
export function drawTree(root: TreeEntry, width: number, glyphs: Glyphs): string[] {
  const lines = entryLines(root, '', '', '', width, glyphs);
  root.children.forEach((child, index) => {
    const previous = root.children[index - 1];
    // A guide-only line under the root and around top-level entries that have children, as in the figure.
    if (index === 0 || child.children.length > 0 || (previous?.children.length ?? 0) > 0)
      lines.push(glyphs.bar);
    lines.push(...subtreeLines(child, '', index === root.children.length - 1, width, glyphs));
  });
  return lines.map((line) => line.trimEnd());
}

function subtreeLines(
  node: TreeEntry,
  prefix: string,
  last: boolean,
  width: number,
  glyphs: Glyphs,
): string[] {
  const childPrefix = prefix + (last ? glyphs.noGuide : glyphs.guide);
  const lines = entryLines(
    node,
    prefix,
    last ? glyphs.lastBranch : glyphs.branch,
    childPrefix,
    width,
    glyphs,
  );
  node.children.forEach((child, index) => {
    lines.push(...subtreeLines(child, childPrefix, index === node.children.length - 1, width, glyphs));
  });
  return lines;
}

/** The entry's own lines: `prefix + connector + text`, wrapped with continuation lines under `childPrefix`. */
function entryLines(
  node: TreeEntry,
  prefix: string,
  connector: string,
  childPrefix: string,
  width: number,
  glyphs: Glyphs,
): string[] {
  const note = noteOf(node.entity);
  const text = note === '' ? node.text : `${node.text} ${glyphs.noteArrow} ${note}`;
  const indentWidth = displayWidth(prefix + connector);
  const available = width - indentWidth;
  const needed = minWrapWidth(text) + HANGING_INDENT;
  if (available < needed) {
    const { kind, path } = node.entity;
    throw new AsciiWidthError(path, indentWidth + needed, width, `tree entry of ${kind} "${path}"`);
  }
  const [first = '', ...rest] = wrapHanging(text, available, HANGING_INDENT);
  // Under an entry with children, the continuation starts with the guide that leads down to them.
  const lead = node.children.length > 0 ? glyphs.bar : ' ';
  return [prefix + connector + first, ...rest.map((line) => childPrefix + lead + line.slice(1))];
}
