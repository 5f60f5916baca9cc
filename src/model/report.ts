// Collects the model's own diagnostics (rules.md section A plus `invalid-directive`) for the file
// being built; every model error is an error with source `model`.

import type { Diagnostic, Location, Range, RelatedLocation } from '../diagnostics.js';

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

  /** @param file display path of the file whose statements are being read */
  constructor(public file: string) {}

  loc(range: Range): Location {
    return { file: this.file, range };
  }

  report(ruleId: ModelErrorId, range: Range, message: string, related?: RelatedLocation[]): void {
    this.reportAt(ruleId, this.loc(range), message, related);
  }

  reportAt(ruleId: ModelErrorId, loc: Location, message: string, related?: RelatedLocation[]): void {
    const diagnostic: Diagnostic = { ...loc, severity: 'error', source: 'model', ruleId, message };
    if (related && related.length > 0) diagnostic.related = related;
    this.diagnostics.push(diagnostic);
  }
}
