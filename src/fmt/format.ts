// `format`: the canonical layout of one `.topo` text. Refuses only text with syntax errors; model
// errors (unknown properties, misplaced blocks, odd values) are formatted and kept as written.

import type { Diagnostic } from '../diagnostics.js';
import { parse } from '../parser/index.js';
import { printDocument } from './print.js';

export type FormatResult = { ok: true; text: string } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Formats `text` (LF or CRLF, with or without a BOM) to LF text with one final newline.
 * `file` names the text in diagnostics. Idempotent: formatting the result again changes nothing.
 *
 * The layout: 2-space indentation, one statement per line; in every block the properties come
 * first, in the order of the property table (src/model/schema.ts; unknown properties after the
 * known ones, repeated ones such as `listen` in their written order), then the child blocks in
 * source order. A blank line separates the properties from the first child block and surrounds
 * every block that spans several lines; other blank lines are kept (at most one) only before a
 * comment or a one-line block. A block of properties written on one line stays on one line,
 * `;`-joined, while it fits in ONE_LINE_BLOCK_WIDTH columns; `;` elsewhere becomes a line break.
 * Strings are re-quoted (`"""` kept for multi-line text, re-indented below its statement).
 *
 * Comments keep their text byte for byte. A comment on its own line belongs to the statement
 * below it and a comment at the end of a line to the statement on that line: when properties are
 * sorted, their comments move with them. The file's opening comments stay on top. A
 * `topodoc-disable-next-line` directive is placed right above the statement it acts on.
 */
export function format(text: string, file = '<stdin>'): FormatResult {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  const { document, diagnostics } = parse(source, file);
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length > 0) return { ok: false, diagnostics: errors };
  return { ok: true, text: printDocument(document, source) };
}
