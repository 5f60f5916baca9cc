// The characters the formatter never prints raw inside strings, because they would be invisible or
// unsafe in a source file, and their `\u{…}` escape.

/** Control characters but the tab, line and paragraph separators, the BOM and lone surrogates. */
const INVISIBLE = /[^\t\P{Cc}]|[\u2028\u2029\ufeff]|[\ud800-\udfff]/gu;

export function escapeInvisible(text: string): string {
  return text.replace(INVISIBLE, (char) => `\\u{${(char.codePointAt(0) ?? 0).toString(16).toUpperCase()}}`);
}
