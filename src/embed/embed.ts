// Refreshes the generated regions of one Markdown text: each region's content is replaced by the
// view its begin marker asks for; every byte outside the regions is kept as it was.

import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { Charset } from '../config/types.js';
import { UserError } from '../errors.js';
import type { Topology } from '../model/types.js';
import { EMBED_VIEWS, isEmbedView, renderViewNodes, type ViewRequest } from '../render/views.js';
import { type EmbedProblem, findRegions, type Region } from './markers.js';

const KNOWN_ATTRIBUTES = ['src', 'view', 'machine', 'pod', 'charset', 'width'];

/** Loads the topology a region names (`src`, relative to the Markdown file); undefined when it has errors. */
export type TopologySource = (src: string) => Promise<Topology | { problem: string }>;

export interface RegionOutcome {
  line: number;
  src: string;
  view: string;
  changed: boolean;
}

export interface EmbedResult {
  /** The refreshed text; the text as given when a marker has a problem (nothing is rewritten then). */
  text: string;
  /** True when a marker has a problem, so the document must be left as it is. */
  markersBroken: boolean;
  regions: RegionOutcome[];
  problems: EmbedProblem[];
}

export async function embedMarkdown(text: string, loadSource: TopologySource): Promise<EmbedResult> {
  const { regions, problems } = findRegions(text);
  const markersBroken = problems.length > 0;
  const outcomes: RegionOutcome[] = [];
  let output = '';
  let copied = 0;
  for (const region of regions) {
    const content = await regionContent(region, loadSource, problems);
    if (content === undefined) continue;
    const old = text.slice(region.contentStart, region.contentEnd);
    outcomes.push({
      line: region.line,
      src: region.attributes.get('src') ?? '',
      view: region.attributes.get('view') ?? '',
      changed: old !== content,
    });
    output += text.slice(copied, region.contentStart) + content;
    copied = region.contentEnd;
  }
  output += text.slice(copied);
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  if (markersBroken) return { text, markersBroken, regions: [], problems };
  return { text: output, markersBroken, regions: outcomes, problems };
}

async function regionContent(
  region: Region,
  loadSource: TopologySource,
  problems: EmbedProblem[],
): Promise<string | undefined> {
  const at = { line: region.line, column: region.column };
  const request = viewRequest(region.attributes);
  if (typeof request === 'string') {
    problems.push({ ...at, message: request });
    return undefined;
  }
  const src = region.attributes.get('src') as string;
  const loaded = await loadSource(src);
  if ('problem' in loaded) {
    problems.push({ ...at, message: loaded.problem });
    return undefined;
  }
  try {
    return frame(renderViewNodes(loaded, request), region);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    problems.push({ ...at, message: error.message });
    return undefined;
  }
}

function viewRequest(attributes: Map<string, string>): ViewRequest | string {
  for (const key of attributes.keys()) {
    if (!KNOWN_ATTRIBUTES.includes(key)) {
      return `Unknown marker attribute "${key}"; the attributes are ${KNOWN_ATTRIBUTES.join(', ')}.`;
    }
  }
  const src = attributes.get('src');
  const view = attributes.get('view');
  if (src === undefined || src === '')
    return 'The begin marker needs src=PATH (the .topo file, relative to this document).';
  if (view === undefined || !isEmbedView(view)) {
    const given = view === undefined ? 'no view' : `the unknown view "${view}"`;
    return `The begin marker has ${given}; use view= one of ${EMBED_VIEWS.join(', ')}.`;
  }
  const charset = attributes.get('charset') ?? 'unicode';
  if (charset !== 'unicode' && charset !== 'ascii')
    return `charset must be unicode or ascii, not "${charset}".`;
  const widthText = attributes.get('width');
  const width = widthText === undefined ? undefined : Number(widthText);
  if (width !== undefined && !(Number.isInteger(width) && width > 0 && width <= 1000)) {
    return `width must be a whole number of columns from 1 to 1000, not "${widthText}".`;
  }
  return {
    view,
    machine: attributes.get('machine'),
    pod: attributes.get('pod'),
    charset: charset as Charset,
    width,
  };
}

/** The region's new content: a blank line, the Markdown of the view, a blank line — each line carrying the marker's prefix. */
function frame(nodes: Root['children'], region: Region): string {
  const markdown = unified()
    .use(remarkGfm)
    .use(remarkStringify, { bullet: '-', fences: true })
    .stringify({ type: 'root', children: nodes });
  const lines = ['', ...markdown.replace(/\n$/, '').split('\n'), ''];
  const blankPrefix = region.prefix.trimEnd();
  return lines.map((line) => (line === '' ? blankPrefix : region.prefix + line) + region.eol).join('');
}
