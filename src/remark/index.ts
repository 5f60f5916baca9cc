// The remark plugin (`import topodoc from 'topodoc/remark'`): turns ```topo fenced blocks — inline
// source, or `src=PATH` in the fence meta — into rendered views; problems become vfile messages.

import { dirname, resolve } from 'node:path';
import type { Code, Parent, Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { loadConfig } from '../config/load.js';
import type { Charset, TopodocConfig } from '../config/types.js';
import type { Diagnostic } from '../diagnostics.js';
import { UserError } from '../errors.js';
import { displayPath } from '../fs/display-path.js';
import { findProjectRoot } from '../fs/project-root.js';
import { type Analysis, analyzeFile, analyzeText } from '../pipeline/analyze.js';
import { EMBED_VIEWS, type EmbedView, isEmbedView, renderViewNodes } from '../render/views.js';
import { configurableRuleIds, MODEL_ERROR_IDS } from '../report/catalog.js';

export interface RemarkTopodocOptions {
  /** Views drawn for a block whose meta names none (default `['node']`). */
  views?: EmbedView[];
  charset?: Charset;
  width?: number;
  /** Where `src=` paths of files without a path, and the config, are looked up (default: the process's cwd). */
  cwd?: string;
  /** The config to use instead of the topodoc.config.json found from `cwd`. */
  config?: TopodocConfig;
  /**
   * Lets `src=` name files outside the document's project root (the nearest directory with
   * topodoc.config.json, package.json or .git); off by default, so a document cannot pull in or
   * probe files elsewhere on the disk.
   */
  allowOutsideRoot?: boolean;
}

interface Block {
  node: Code;
  parent: Parent;
}

const META_KEYS = ['src', 'view', 'machine', 'pod', 'charset', 'width'];

export default function remarkTopodoc(options: RemarkTopodocOptions = {}) {
  return async (tree: Root, file: VFile): Promise<void> => {
    const blocks: Block[] = [];
    visit(tree, 'code', (node: Code, _index, parent) => {
      if (node.lang === 'topo' && parent !== undefined) blocks.push({ node, parent });
    });
    if (blocks.length === 0) return;
    const cwd = options.cwd ?? process.cwd();
    const config = options.config ?? loadConfig(cwd, configurableRuleIds(), MODEL_ERROR_IDS);
    for (const block of blocks) {
      const replacement = await renderBlock(block.node, file, cwd, config, options);
      if (replacement === undefined) continue;
      const index = block.parent.children.indexOf(block.node);
      block.parent.children.splice(index, 1, ...(replacement as typeof block.parent.children));
    }
  };
}

async function renderBlock(
  node: Code,
  file: VFile,
  cwd: string,
  config: TopodocConfig,
  options: RemarkTopodocOptions,
): Promise<RootContent[] | undefined> {
  const meta = parseMeta(node.meta ?? '');
  if (typeof meta === 'string') return fail(file, node, meta);
  const views = (meta.get('view')?.split(',') ?? options.views ?? ['node']).map((view) => view.trim());
  const unknown = views.find((view) => !isEmbedView(view));
  if (unknown !== undefined)
    return fail(file, node, `Unknown view "${unknown}"; use one of ${EMBED_VIEWS.join(', ')}.`);
  const width = meta.has('width') ? Number(meta.get('width')) : options.width;
  if (width !== undefined && !(Number.isInteger(width) && width > 0)) {
    return fail(file, node, `width must be a positive whole number, not "${meta.get('width')}".`);
  }
  const charset = (meta.get('charset') ?? options.charset) as Charset | undefined;
  if (charset !== undefined && charset !== 'unicode' && charset !== 'ascii') {
    return fail(file, node, `charset must be unicode or ascii, not "${charset}".`);
  }

  const baseDir = file.path ? dirname(resolve(cwd, file.path)) : cwd;
  const src = meta.get('src');
  let analysis: Analysis;
  try {
    if (src !== undefined) {
      if (node.value.trim() !== '')
        return fail(file, node, 'A ```topo block with src= must be empty; the source comes from the file.');
      analysis = await analyzeFile(resolve(baseDir, src), {
        cwd,
        config,
        confineEntryTo: findProjectRoot(baseDir),
        allowOutsideRoot: options.allowOutsideRoot ?? false,
      });
    } else {
      const display = displayPath(cwd, resolve(cwd, file.path || 'document.md'));
      analysis = await analyzeText(node.value, display, { cwd, config });
    }
  } catch (error) {
    if (error instanceof UserError) return fail(file, node, error.message);
    throw error;
  }

  for (const diagnostic of analysis.diagnostics) {
    // Only findings in the block's own text have places inside the block; an imported file's do not.
    report(file, node, diagnostic, src === undefined && diagnostic.file === analysis.file);
  }
  if (!analysis.renderable) return undefined;
  try {
    return views.flatMap((view) =>
      renderViewNodes(analysis.model, {
        view: view as EmbedView,
        machine: meta.get('machine'),
        pod: meta.get('pod'),
        charset,
        width,
      }),
    );
  } catch (error) {
    if (error instanceof UserError) return fail(file, node, error.message);
    throw error;
  }
}

/** A diagnostic of inline source is placed inside the code block; one of another file at the fence, naming the file. */
function report(file: VFile, node: Code, diagnostic: Diagnostic, inline: boolean): void {
  const fence = node.position;
  const { start, end } = diagnostic.range;
  const place =
    inline && fence !== undefined
      ? {
          start: { line: fence.start.line + start.line, column: fence.start.column + start.column - 1 },
          end: { line: fence.start.line + end.line, column: fence.start.column + end.column - 1 },
        }
      : fence;
  const reason = inline
    ? diagnostic.message
    : `${diagnostic.file}:${start.line}:${start.column}: ${diagnostic.message}`;
  const message = file.message(reason, { place, ruleId: diagnostic.ruleId, source: 'topodoc' });
  message.fatal = diagnostic.severity === 'error';
}

function fail(file: VFile, node: Code, reason: string): undefined {
  const message = file.message(reason, { place: node.position, ruleId: 'topo-block', source: 'topodoc' });
  message.fatal = true;
  return undefined;
}

function parseMeta(meta: string): Map<string, string> | string {
  const values = new Map<string, string>();
  for (const word of meta.split(/\s+/).filter((part) => part !== '')) {
    const equals = word.indexOf('=');
    const key = equals === -1 ? word : word.slice(0, equals);
    if (equals === -1 || !META_KEYS.includes(key)) {
      return `Cannot read "${word}" in the fence meta; write ${META_KEYS.map((name) => `${name}=…`).join(' ')}.`;
    }
    values.set(key, word.slice(equals + 1).replace(/^"(.*)"$/, '$1'));
  }
  return values;
}
