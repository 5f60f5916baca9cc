// `format`: the canonical layout of one `.topo` text. Refuses only text with syntax errors; model
// errors (unknown properties, misplaced blocks, odd values) are formatted and kept as written.

import type { Diagnostic } from '../diagnostics.js';
import { characterAfter } from '../model/utf8.js';
import { parse, stripBom } from '../parser/index.js';
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
  // The parser skips one BOM, as `check` does: a second one stays a syntax error.
  const source = text.replace(/\r\n/g, '\n');
  const surrogate = loneSurrogate(stripBom(source), file);
  if (surrogate !== undefined) return { ok: false, diagnostics: [surrogate] };
  const { document, diagnostics } = parse(source, file);
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length > 0) return { ok: false, diagnostics: errors };
  return { ok: true, text: printDocument(document, stripBom(source)) };
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * A lone surrogate (only a library caller can pass one; decoded files have none) has no spelling
 * in a source file: written raw it is not UTF-8, escaped the parser rejects it. It is refused.
 */
function loneSurrogate(source: string, file: string): Diagnostic | undefined {
  const match = LONE_SURROGATE.exec(source);
  if (match === null) return undefined;
  const code = (match[0].codePointAt(0) ?? 0).toString(16).toUpperCase();
  return {
    file,
    range: characterAfter(source.slice(0, match.index)),
    severity: 'error',
    source: 'parser',
    ruleId: 'syntax',
    message: `lone surrogate U+${code} is not a Unicode character; the text cannot be written as UTF-8`,
  };
}
