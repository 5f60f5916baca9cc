// Several analyses as one report input: every file read (entries and imports), and the findings
// of all of them, a file imported by two entries counted once.

import { compareStrings, type Diagnostic, formatDiagnosticLine, sortDiagnostics } from '../diagnostics.js';
import type { Analysis } from './analyze.js';

export interface MergedAnalyses {
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
  /** Display paths of every file read, sorted. */
  files: string[];
  errorCount: number;
  warningCount: number;
}

export function mergeAnalyses(analyses: readonly Analysis[]): MergedAnalyses {
  const sources = new Map<string, string>();
  const files = new Set<string>();
  const diagnostics = new Map<string, Diagnostic>();
  for (const analysis of analyses) {
    files.add(analysis.file);
    for (const [file, text] of analysis.sources) {
      files.add(file);
      sources.set(file, text);
    }
    for (const d of analysis.diagnostics) diagnostics.set(formatDiagnosticLine(d), d);
  }
  const sorted = sortDiagnostics([...diagnostics.values()]);
  const errorCount = sorted.filter((d) => d.severity === 'error').length;
  return {
    diagnostics: sorted,
    sources,
    files: [...files].sort(compareStrings),
    errorCount,
    warningCount: sorted.length - errorCount,
  };
}
