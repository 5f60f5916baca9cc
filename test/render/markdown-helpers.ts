// Shared by the document tests: analyse .topo text in memory and render its document, lint
// Markdown with markdownlint's default rules, and list a document's outline.

import { lint } from 'markdownlint/sync';
import type { Root, RootContent } from 'mdast';
import { DEFAULT_CONFIG } from '../../src/config/types.js';
import { analyzeText } from '../../src/pipeline/analyze.js';
import { type DocumentOptions, renderDocument } from '../../src/render/markdown/index.js';
import { parseMarkdown } from '../../src/render/markdown/parse.js';

/** Default rules; line length not enforced in tables and code blocks (outputs.md §3). */
export const LINT_CONFIG = { default: true, MD013: { tables: false, code_blocks: false } };

export async function documentOf(
  text: string,
  sourcePath: string,
  options: Partial<DocumentOptions> = {},
): Promise<string> {
  const analysis = await analyzeText(text, sourcePath, { cwd: process.cwd(), config: DEFAULT_CONFIG });
  // Rule errors stop `build` but not the renderer; syntax and model errors leave no model to render.
  if (!analysis.renderable) {
    throw new Error(`${sourcePath} has errors: ${analysis.diagnostics.map((d) => d.message).join('; ')}`);
  }
  const svgFile = `${(sourcePath.split('/').at(-1) ?? sourcePath).replace(/\.topo$/, '')}.svg`;
  return renderDocument(analysis.model, { sourcePath, svgFile, warnings: analysis.diagnostics, ...options });
}

/** markdownlint findings as `line: rule detail` strings (empty when the document is clean). */
export function lintMarkdown(markdown: string): string[] {
  const results = lint({ strings: { document: markdown }, config: LINT_CONFIG });
  return (results.document ?? []).map(
    (error) =>
      `${error.lineNumber}: ${error.ruleNames.join('/')} ${error.ruleDescription} ${error.errorDetail ?? ''}`,
  );
}

/** The structural nodes of a document in order: headings with depth, tables, code with language, HTML. */
export function outline(markdown: string): string[] {
  const found: string[] = [];
  const visit = (node: Root | RootContent) => {
    if (node.type === 'heading') found.push(`heading ${node.depth}`);
    else if (node.type === 'table') found.push(`table ${node.children[0]?.children.length ?? 0} columns`);
    else if (node.type === 'code') found.push(`code ${node.lang ?? ''}`);
    else if (node.type === 'html' || node.type === 'thematicBreak' || node.type === 'definition')
      found.push(node.type);
    if ('children' in node) for (const child of node.children) visit(child as RootContent);
  };
  visit(parseMarkdown(markdown));
  return found;
}
