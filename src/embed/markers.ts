// Finds the generated regions of a Markdown file: `<!-- topodoc:begin key=value… -->` …
// `<!-- topodoc:end -->` pairs, located with remark-parse so markers inside code blocks are text.

import type { Html, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

export interface EmbedProblem {
  line: number;
  column: number;
  message: string;
}

export interface Region {
  /** 1-based position of the begin marker. */
  line: number;
  column: number;
  /** The begin marker's `key=value` attributes, in order. */
  attributes: Map<string, string>;
  /** Offsets of the replaced text: from after the begin marker's line ending to the end marker's line start. */
  contentStart: number;
  contentEnd: number;
  /** What precedes the begin marker on its line (indentation of a list item, `> ` of a quote). */
  prefix: string;
  /** The begin marker line's ending, used for the generated lines. */
  eol: '\n' | '\r\n';
}

const BEGIN = /^<!--\s*topodoc:begin\b([\s\S]*?)-->\s*$/;
const END = /^<!--\s*topodoc:end\s*-->\s*$/;
const MARKER = /^<!--\s*topodoc:(begin|end)\b/;
const ATTRIBUTE = /\s*([A-Za-z][A-Za-z0-9-]*)=(?:"([^"]*)"|([^\s"]+))\s*/y;

/**
 * The regions of `text` (offsets into `text` as read) and the problems of its markers. A document
 * with any marker problem must not be rewritten: which text a broken region spans is a guess.
 */
export function findRegions(text: string): { regions: Region[]; problems: EmbedProblem[] } {
  let tree: Root;
  try {
    tree = unified().use(remarkParse).use(remarkGfm).parse(text) as Root;
  } catch (error) {
    // The parser recurses per level of nesting: thousands of `>` exhaust the stack.
    if (!(error instanceof RangeError)) throw error;
    const message =
      'This document nests quotes or lists too deeply for the Markdown parser, so its regions cannot be found.';
    return { regions: [], problems: [{ line: 1, column: 1, message }] };
  }
  // remark reads a leading byte order mark as nothing: its offsets start after it.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const regions: Region[] = [];
  const problems: EmbedProblem[] = [];
  let open: { node: Html; region: Region } | undefined;

  visit(tree, 'html', (node: Html) => {
    const kind = MARKER.exec(node.value)?.[1];
    const start = node.position?.start;
    if (kind === undefined || start?.offset === undefined) return;
    const offset = start.offset + bom;
    const end = (node.position?.end.offset ?? start.offset + node.value.length) + bom;
    const where = { line: start.line, column: start.column };
    if (kind === 'begin') {
      if (open !== undefined) {
        problems.push({
          ...where,
          message: `A topodoc:begin marker inside the region opened at line ${open.region.line}; close it with <!-- topodoc:end --> first.`,
        });
        return;
      }
      const region = beginRegion(text, node.value, { offset, end }, where, problems);
      if (region !== undefined) open = { node, region };
      return;
    }
    if (!END.test(node.value)) {
      problems.push({
        ...where,
        message: 'The end marker must be exactly <!-- topodoc:end --> on its own line.',
      });
      return;
    }
    if (open === undefined) {
      problems.push({
        ...where,
        message: 'A <!-- topodoc:end --> marker without a topodoc:begin marker before it.',
      });
      return;
    }
    regions.push({ ...open.region, contentEnd: lineStart(text, offset) });
    open = undefined;
  });

  if (open !== undefined) {
    problems.push({
      line: open.region.line,
      column: open.region.column,
      message: 'This topodoc:begin marker is never closed; add <!-- topodoc:end --> after the region.',
    });
  }
  return { regions, problems };
}

function beginRegion(
  text: string,
  marker: string,
  { offset, end: markerEnd }: { offset: number; end: number },
  where: { line: number; column: number },
  problems: EmbedProblem[],
): Region | undefined {
  const match = BEGIN.exec(marker);
  if (match === null) {
    problems.push({
      ...where,
      message:
        'The begin marker must be one HTML comment alone on its line: <!-- topodoc:begin src=… view=… -->.',
    });
    return undefined;
  }
  const attributes = parseAttributes(match[1] ?? '');
  if (typeof attributes === 'string') {
    problems.push({ ...where, message: attributes });
    return undefined;
  }
  const newline = text.indexOf('\n', markerEnd);
  const contentStart = newline === -1 ? text.length : newline + 1;
  const prefix = text.slice(lineStart(text, offset), offset);
  if (!/^[ \t>]*$/.test(prefix)) {
    problems.push({ ...where, message: 'Put the topodoc:begin marker on a line of its own.' });
    return undefined;
  }
  const eol = newline > 0 && text[newline - 1] === '\r' ? '\r\n' : '\n';
  return { ...where, attributes, contentStart, contentEnd: contentStart, prefix, eol };
}

/** `src=x.topo view="node"` → map; a string describing the problem when the text is not attributes. */
function parseAttributes(source: string): Map<string, string> | string {
  const attributes = new Map<string, string>();
  const text = source.trim();
  ATTRIBUTE.lastIndex = 0;
  while (ATTRIBUTE.lastIndex < text.length) {
    const at = ATTRIBUTE.lastIndex;
    const match = ATTRIBUTE.exec(text);
    if (match === null) {
      return `Cannot read the marker's attributes at "${text.slice(at, at + 20)}"; write them as key=value or key="value".`;
    }
    const key = match[1] ?? '';
    if (attributes.has(key)) return `The attribute ${key} is given twice.`;
    attributes.set(key, match[2] ?? match[3] ?? '');
  }
  return attributes;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}
