// What every output format receives and returns: the sorted findings, the sources they point
// into, and the rule descriptions (for formats that describe rules, like SARIF).

import type { Diagnostic } from '../diagnostics.js';

export type FormatName = 'stylish' | 'unix' | 'json' | 'sarif' | 'github';

/** A rule or model error as reports describe it. */
export interface RuleDescriptor {
  id: string;
  /** One line: what it detects. */
  description: string;
  defaultLevel: 'error' | 'warning' | 'none';
  /** The fact behind the rule (checker rules only). */
  fact?: string;
  /** Where the fact is documented. */
  url?: string;
  /** How to fix a finding. */
  hint?: string;
  /** False for model errors, which are always errors. */
  configurable: boolean;
}

export interface ReportInput {
  /** Findings in compareDiagnostics order. */
  diagnostics: readonly Diagnostic[];
  /** Source text by the display path used in `Diagnostic.file`, for code frames and fingerprints. */
  sources: ReadonlyMap<string, string>;
  /** The files that were checked (display paths), so clean files appear where a format lists files. */
  files: readonly string[];
  /** Every rule and model error, sorted by id. */
  rules: readonly RuleDescriptor[];
  toolVersion: string;
  /** ANSI colour (stylish only). */
  color: boolean;
}

/** A format: pure, deterministic, returns the whole report text ('' when there is nothing to say). */
export type Reporter = (input: ReportInput) => string;
