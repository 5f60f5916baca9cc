// The text outputs of one analysed file (`x.md`, `x.mmd`); paths in the document are relative to
// the project root, so the text does not depend on the directory topodoc runs in.

import { dirname, relative, resolve } from 'node:path';
import type { TopodocConfig } from '../config/types.js';
import type { Machine } from '../model/types.js';
import type { Analysis } from '../pipeline/analyze.js';
import { renderDocument } from '../render/markdown/index.js';
import { renderDiagrams } from '../render/mermaid/index.js';

export interface TextOutputs {
  markdown: string;
  mermaid: string;
  /** When the overview is the summary of a big model: each machine's own diagram. */
  machineDiagrams: { machine: Machine; mermaid: string }[];
}

/** The directory document paths are relative to: the config file's directory, else the cwd. */
export function projectRoot(cwd: string, config: TopodocConfig): string {
  return config.source === undefined ? cwd : dirname(config.source);
}

/** Renders the document and the Mermaid source; throws AsciiWidthError when a view cannot fit. */
export function renderTextOutputs(
  analysis: Analysis,
  options: { cwd: string; config: TopodocConfig; svgFile?: string },
): TextOutputs {
  const root = projectRoot(options.cwd, options.config);
  const rootPath = (file: string) => relative(root, resolve(options.cwd, file)).split('\\').join('/');
  const diagrams = renderDiagrams(analysis.model);
  const markdown = renderDocument(analysis.model, {
    diagrams,
    sourcePath: rootPath(analysis.file),
    svgFile: options.svgFile,
    views: options.config.views,
    charset: options.config.ascii.charset,
    width: options.config.ascii.width,
    warnings: analysis.diagnostics
      .filter((diagnostic) => diagnostic.severity === 'warning')
      .map((diagnostic) => ({ ...diagnostic, file: rootPath(diagnostic.file) })),
  });
  const machineDiagrams = [...diagrams.machines].map(([machine, mermaid]) => ({ machine, mermaid }));
  return { markdown, mermaid: diagrams.overview, machineDiagrams };
}
