// Collects the model's own diagnostics (rules.md section A plus `invalid-directive`) for the file
// being built; every model error is an error with source `model`.

import {
  type Diagnostic,
  fileRange,
  type Location,
  type Note,
  relatedLocation,
  type SourceText,
  type Span,
} from '../diagnostics.js';

/** The ids of model errors: always errors, never configurable, never suppressible. */
export const MODEL_ERROR_IDS = [
  'duplicate-name',
  'import-error',
  'invalid-directive',
  'invalid-value',
  'misplaced-block',
  'unknown-property',
  'unresolved-reference',
] as const;
export type ModelErrorId = (typeof MODEL_ERROR_IDS)[number];

export class Reporter {
  readonly diagnostics: Diagnostic[] = [];

  /** @param source the file whose statements are being read */
  constructor(public source: SourceText) {}

  report(ruleId: ModelErrorId, at: Span, message: string, related?: Note[]): void {
    this.reportAt(ruleId, { source: this.source, start: at.start, end: at.end }, message, related);
  }

  reportAt(ruleId: ModelErrorId, loc: Location, message: string, related?: Note[]): void {
    const diagnostic: Diagnostic = { ...fileRange(loc), severity: 'error', source: 'model', ruleId, message };
    if (related && related.length > 0) diagnostic.related = related.map(relatedLocation);
    this.diagnostics.push(diagnostic);
  }
}
