// Shared by the checker tests: run the pipeline on fixtures and snippets, read the `# expect:`
// markers of fixture files, and print findings (with related locations) for golden files.

import { fileURLToPath } from 'node:url';
import { DEFAULT_CONFIG, type RuleSetting } from '../../src/config/types.js';
import { type Diagnostic, formatDiagnosticLine, formatRange } from '../../src/diagnostics.js';
import { type Analysis, analyzeFile, analyzeText } from '../../src/pipeline/analyze.js';

/** The repository root: fixtures are analysed from here, so display paths are repo-relative. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURES = 'test/fixtures/checker';

export interface RunOptions {
  rules?: Record<string, RuleSetting>;
  reportUnusedDisableDirectives?: boolean;
}

function analyzeOptions(options: RunOptions) {
  return {
    cwd: ROOT,
    config: { ...DEFAULT_CONFIG, rules: options.rules ?? {} },
    reportUnusedDisableDirectives: options.reportUnusedDisableDirectives ?? false,
  };
}

/** Analyses a file given relative to the repository root. */
export function analyzeFixture(path: string, options: RunOptions = {}): Promise<Analysis> {
  return analyzeFile(path, analyzeOptions(options));
}

/** Analyses text as the file `snippet.topo`. */
export function analyzeSnippet(text: string, options: RunOptions = {}): Promise<Analysis> {
  return analyzeText(text, 'snippet.topo', analyzeOptions(options));
}

/** Syntax and model errors: fixtures and examples must have none. */
export function nonRuleDiagnostics(analysis: Analysis): Diagnostic[] {
  return analysis.diagnostics.filter((d) => d.source !== 'checker');
}

const MARKER = /#\s*expect:\s*(.+)$/;

/** `file:line rule` for every `# expect: rule[, rule]` marker in the files read. */
export function markerKeys(sources: ReadonlyMap<string, string>): Set<string> {
  const keys = new Set<string>();
  for (const [file, text] of sources) {
    for (const [index, line] of text.split('\n').entries()) {
      const rules = MARKER.exec(line)?.[1];
      if (rules === undefined) continue;
      for (const rule of rules.split(',')) keys.add(`${file}:${index + 1} ${rule.trim()}`);
    }
  }
  return keys;
}

/** `file:line rule` for each finding, the line being where the finding starts. */
export function findingKeys(diagnostics: readonly Diagnostic[]): Set<string> {
  return new Set(diagnostics.map((d) => `${d.file}:${d.range.start.line} ${d.ruleId}`));
}

/** One golden line per finding, then one indented line per related location. */
export function formatFindings(diagnostics: readonly Diagnostic[]): string {
  const lines: string[] = [];
  for (const diagnostic of diagnostics) {
    lines.push(formatDiagnosticLine(diagnostic));
    for (const related of diagnostic.related ?? []) {
      lines.push(`  related ${related.file}:${formatRange(related.range)}: ${related.message}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
