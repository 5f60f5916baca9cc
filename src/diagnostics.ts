// Positions, ranges and diagnostics shared by every stage (parser, model, checker, CLI).
// Convention (unist / Chevrotain-start style): `line` and `column` are 1-based, `offset` is
// 0-based, columns count UTF-16 code units, and every `end` is EXCLUSIVE.

export interface Position {
  line: number;
  column: number;
  offset: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A place in a source file: the file path as shown to the user (relative to the cwd, `/`-separated). */
export interface Location {
  file: string;
  range: Range;
}

export type Severity = 'error' | 'warning';

export type DiagnosticSource = 'parser' | 'model' | 'checker';

export interface RelatedLocation extends Location {
  message: string;
}

export interface Diagnostic extends Location {
  severity: Severity;
  source: DiagnosticSource;
  /** `syntax`, a model error id (rules.md A) or a rule id (rules.md B). */
  ruleId: string;
  message: string;
  /** Message id within the rule, for tests (checker findings only). */
  messageId?: string;
  related?: RelatedLocation[];
  /** How to fix it (from the rule's metadata). */
  hint?: string;
}

/** Plain code-unit comparison; never locale-dependent. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** 0 for syntax and model errors, 1 for rule findings: what a file says wrong comes before what it causes. */
const stage = (d: Diagnostic): number => (d.source === 'checker' ? 1 : 0);

/**
 * The one order of diagnostics everywhere: file; its syntax and model errors before its rule
 * findings (a misspelt `proces kubelet` before the `node-missing-kubelet` it causes); then line,
 * column, rule id, message.
 */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareStrings(a.file, b.file) ||
    stage(a) - stage(b) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.column - b.range.start.column ||
    compareStrings(a.ruleId, b.ruleId) ||
    compareStrings(a.message, b.message)
  );
}

export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(compareDiagnostics);
}

/** Compact `line:col-line:col` form used in golden files. */
export function formatRange(range: Range): string {
  return `${range.start.line}:${range.start.column}-${range.end.line}:${range.end.column}`;
}

/** `file:line:col-line:col: severity message [rule]`, the golden-file line of a diagnostic. */
export function formatDiagnosticLine(d: Diagnostic): string {
  return `${d.file}:${formatRange(d.range)}: ${d.severity} ${d.message} [${d.ruleId}]`;
}
