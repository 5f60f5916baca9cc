// The one analysis every command runs: load (parse + model) → check, with the counts that decide
// exit codes and whether outputs may be rendered.

import { check, RULES } from '../checker/index.js';
import type { TopodocConfig } from '../config/types.js';
import { type Diagnostic, sortDiagnostics } from '../diagnostics.js';
import { DRIFT_FINDINGS, type DriftSource, driftFindings } from '../diff/drift.js';
import { type LoadOptions, type LoadResult, loadTopology, loadTopologyFromText } from '../model/index.js';
import type { Topology } from '../model/types.js';

export interface AnalyzeOptions {
  cwd: string;
  config: TopodocConfig;
  allowOutsideRoot?: boolean;
  /** The root the entry itself must be inside (files a document names); see LoadOptions. */
  confineEntryTo?: string;
  reportUnusedDisableDirectives?: boolean;
  /** Sources the topology is checked against for drift (`check --against`). */
  against?: readonly DriftSource[];
}

export interface Analysis {
  /** The entry file's display path. */
  file: string;
  model: Topology;
  /** Sorted: syntax errors only, when there are any; else model errors and rule findings. */
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
  /** Absolute paths of imports that could not be read; see LoadResult. */
  unreadImports: string[];
  errorCount: number;
  warningCount: number;
  /**
   * No errors of any kind: outputs may be rendered. Model errors stop rendering (rules.md A) and so
   * do rule errors ("errors stop the build", outputs.md 3); warnings are listed in the document.
   */
  renderable: boolean;
}

function loadOptions(options: AnalyzeOptions): LoadOptions {
  return {
    cwd: options.cwd,
    allowOutsideRoot: options.allowOutsideRoot ?? false,
    ...(options.confineEntryTo === undefined ? {} : { confineEntryTo: options.confineEntryTo }),
    // Directives naming anything else are `invalid-directive` model errors.
    knownRuleIds: [...RULES.map((rule) => rule.meta.id), ...DRIFT_FINDINGS.map((finding) => finding.id)],
  };
}

/**
 * The loader's findings with the severity the config gives them: only the manifest reader's
 * `duplicate-object` can have one (model errors cannot be configured); `off` drops them.
 */
function configured(diagnostics: readonly Diagnostic[], settings: TopodocConfig['rules']): Diagnostic[] {
  return diagnostics.flatMap((diagnostic) => {
    const setting = settings[diagnostic.ruleId];
    if (setting === undefined) return [diagnostic];
    if (setting === 'off') return [];
    return [{ ...diagnostic, severity: setting === 'warn' ? 'warning' : 'error' }];
  });
}

/**
 * Syntax errors stand alone (rules would judge a guessed tree). With model errors the rules still
 * run on the partial model, so one run shows everything.
 */
function analyze(loaded: LoadResult, options: AnalyzeOptions): Analysis {
  const { model, sources } = loaded;
  const drift = options.against && !loaded.hasSyntaxErrors ? driftFindings(model, options.against) : [];
  const findings = loaded.hasSyntaxErrors
    ? []
    : check(model, {
        rules: options.config.rules,
        reportUnusedDisableDirectives: options.reportUnusedDisableDirectives ?? false,
        extraFindings: configured(drift, options.config.rules),
      });
  for (const source of options.against ?? []) {
    for (const [file, text] of source.sources) if (!sources.has(file)) sources.set(file, text);
  }
  const diagnostics = sortDiagnostics([...configured(loaded.diagnostics, options.config.rules), ...findings]);
  const errorCount = diagnostics.filter((d) => d.severity === 'error').length;
  return {
    file: model.file,
    model,
    diagnostics,
    sources,
    unreadImports: loaded.unreadImports,
    errorCount,
    warningCount: diagnostics.length - errorCount,
    renderable: errorCount === 0,
  };
}

/** Reads `entryPath` (and its imports) and analyses it; a missing entry file is a UserError. */
export async function analyzeFile(entryPath: string, options: AnalyzeOptions): Promise<Analysis> {
  return analyze(await loadTopology(entryPath, loadOptions(options)), options);
}

/** Analyses text as if it were the file `displayPath` (imports resolve relative to it). */
export async function analyzeText(
  text: string,
  displayPath: string,
  options: AnalyzeOptions,
): Promise<Analysis> {
  return analyze(await loadTopologyFromText(text, displayPath, loadOptions(options)), options);
}
