// Stable SARIF fingerprints: a hash of rule, file and the finding's source line (whitespace
// collapsed), plus an occurrence number for repeats, so alerts survive lines moving up or down.

import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diagnostics.js';
import { sourceLines } from './text.js';

export const FINGERPRINT_KEY = 'topodocFindingHash/v1';

/** One fingerprint per diagnostic, in input order. */
export function fingerprints(
  diagnostics: readonly Diagnostic[],
  sources: ReadonlyMap<string, string>,
): string[] {
  const lines = new Map<string, string[]>();
  const seen = new Map<string, number>();
  return diagnostics.map((d) => {
    let fileLines = lines.get(d.file);
    if (fileLines === undefined) {
      fileLines = sourceLines(sources.get(d.file) ?? '');
      lines.set(d.file, fileLines);
    }
    const lineText = (fileLines[d.range.start.line - 1] ?? '').trim().replace(/\s+/g, ' ');
    const hash = createHash('sha256')
      .update([d.ruleId, d.file, lineText || d.message].join('\u0000'))
      .digest('hex')
      .slice(0, 32);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return `${hash}:${occurrence}`;
  });
}
