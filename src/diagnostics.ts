// Positions, ranges and diagnostics shared by every stage (parser, model, checker, CLI).
// Convention (unist / Chevrotain-start style): `line` and `column` are 1-based, `offset` is
// 0-based, columns count UTF-16 code units, and every `end` is EXCLUSIVE.
// The syntax tree and the model keep offsets only (a `Location`); line and column are worked out
// from the file's `SourceText` when a diagnostic is made or a position is shown.

export interface Position {
  line: number;
  column: number;
  offset: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** 0-based offsets into a text, `end` exclusive (every syntax-tree node is one). */
export interface Span {
  start: number;
  end: number;
}

/** Where something was written: offsets into one source text. */
export interface Location extends Span {
  source: SourceText;
}

/** A location with what to say about it (a related place of a finding, before it is shown). */
export interface Note extends Location {
  message: string;
}

/** A place in a source file as users see it: the file path as shown to the user (relative to the cwd, `/`-separated) and line/column positions. */
export interface FileRange {
  file: string;
  range: Range;
}

/**
 * One source file's text and where its lines start (lines end at LF, CRLF or a lone CR, like the
 * lexer's `Newline`): turns offsets into line/column positions, found by a binary search.
 */
export class SourceText {
  /** Built at the first position asked for: a file without findings never needs it. */
  private lineStarts: number[] | undefined;
  /** The line of the last position asked for (0-based): the usual place of the next one. */
  private lastLine = 0;

  /** @param file the display path; @param text the text without a leading BOM */
  constructor(
    readonly file: string,
    readonly text: string,
  ) {}

  /** The position of an offset; offsets outside the text are clamped into it. */
  positionAt(offset: number): Position {
    const clamped = Math.min(Math.max(0, offset), this.text.length);
    const index = this.lineIndexOf(clamped);
    this.lastLine = index;
    return { line: index + 1, column: clamped - (this.starts()[index] ?? 0) + 1, offset: clamped };
  }

  /** The 1-based line of an offset. */
  lineAt(offset: number): number {
    return this.positionAt(offset).line;
  }

  /** `start` inclusive, `end` exclusive. */
  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(Math.max(start, end)) };
  }

  /** True when only spaces and tabs stand between the start of the line and `offset`. */
  isFirstOnLine(offset: number): boolean {
    for (let i = offset - 1; i >= 0; i--) {
      const code = this.text.charCodeAt(i);
      if (code === 10 || code === 13) return true;
      if (code !== 32 && code !== 9) return false;
    }
    return true;
  }

  private starts(): number[] {
    this.lineStarts ??= lineStartsOf(this.text);
    return this.lineStarts;
  }

  /**
   * The 0-based line holding `offset`. Callers mostly ask in text order, so the line of the previous
   * answer and the one after it are tried before a binary search.
   */
  private lineIndexOf(offset: number): number {
    const starts = this.starts();
    const last = this.lastLine;
    if ((starts[last] ?? 0) <= offset) {
      const next = starts[last + 1];
      if (next === undefined || offset < next) return last;
      const afterNext = starts[last + 2];
      if (afterNext === undefined || offset < afterNext) return last + 1;
    }
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}

/** The offset where each line starts. */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    // Every line ends at LF: the native search finds them faster than a loop over the characters.
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

/** A location as users see it: its file and line/column range. */
export function fileRange(loc: Location): FileRange {
  return { file: loc.source.file, range: loc.source.range(loc.start, loc.end) };
}

/** A note as a diagnostic's related location. */
export function relatedLocation(note: Note): RelatedLocation {
  return { ...fileRange(note), message: note.message };
}

export type Severity = 'error' | 'warning';

export type DiagnosticSource = 'parser' | 'model' | 'checker';

export interface RelatedLocation extends FileRange {
  message: string;
}

export interface Diagnostic extends FileRange {
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
