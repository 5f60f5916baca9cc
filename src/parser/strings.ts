// String literals: escape decoding (`\"` `\\` `\n` `\t` `\u{1F600}`) and the indentation removal of `"""` strings.
// Escapes apply in both kinds of strings; an unknown escape is reported and kept as written.

export interface StringProblem {
  /** Offsets relative to the start of the literal (its opening quote); end exclusive. */
  start: number;
  end: number;
  message: string;
}

export interface DecodedString {
  value: string;
  problems: StringProblem[];
}

const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', n: '\n', t: '\t' };
const UNICODE_ESCAPE = /^\\u\{([0-9A-Fa-f]{1,6})\}/;
const MAX_SHOWN_ESCAPE = 12;

/** Decodes a literal as written (with its quotes, or without its closing quotes when unterminated). */
export function decodeString(literal: string, triple: boolean): DecodedString {
  // The common case, a closed one-line string without escapes, is its content as written.
  if (!triple && literal.length >= 2 && literal.endsWith('"') && !literal.includes('\\')) {
    return { value: literal.slice(1, -1), problems: [] };
  }
  const quote = triple ? '"""' : '"';
  const terminated = literal.length >= 2 * quote.length && literal.endsWith(quote);
  const content = literal.slice(quote.length, terminated ? literal.length - quote.length : literal.length);
  const problems = findEscapeProblems(content, quote.length);
  const text = triple ? dedent(content) : content;
  return { value: applyEscapes(text), problems };
}

/** One escape at `index` (which holds a backslash): its decoded text and length, or undefined when unknown. */
function readEscape(text: string, index: number): { decoded: string; length: number } | undefined {
  const next = text[index + 1];
  if (next === undefined) return undefined;
  const simple = SIMPLE_ESCAPES[next];
  if (simple !== undefined) return { decoded: simple, length: 2 };
  if (next !== 'u') return undefined;
  const match = UNICODE_ESCAPE.exec(text.slice(index, index + 11));
  const hex = match?.[1];
  if (match === null || hex === undefined) return undefined;
  const codePoint = Number.parseInt(hex, 16);
  if (codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return undefined;
  return { decoded: String.fromCodePoint(codePoint), length: match[0].length };
}

function findEscapeProblems(content: string, contentOffset: number): StringProblem[] {
  const problems: StringProblem[] = [];
  for (let i = content.indexOf('\\'); i !== -1 && i < content.length - 1; i = content.indexOf('\\', i)) {
    const known = readEscape(content, i);
    if (known !== undefined) {
      i += known.length;
      continue;
    }
    const length = content[i + 1] === 'u' ? unicodeEscapeLength(content, i) : 2;
    const written = content.slice(i, i + Math.min(length, MAX_SHOWN_ESCAPE)).replace(/[\r\n]/g, '');
    problems.push({
      start: contentOffset + i,
      end: contentOffset + i + length,
      message: `unknown escape \`${written}\` in string (known: \\" \\\\ \\n \\t \\u{…})`,
    });
    i += length;
  }
  return problems;
}

/** How much of a bad `\u…` escape to underline: through its `}` when one follows soon, else `\u`. */
function unicodeEscapeLength(content: string, index: number): number {
  const close = content.indexOf('}', index);
  return close !== -1 && close - index < 12 && !/[\r\n"]/.test(content.slice(index, close))
    ? close - index + 1
    : 2;
}

function applyEscapes(text: string): string {
  if (!text.includes('\\')) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const backslash = text.indexOf('\\', i);
    if (backslash === -1) break;
    out += text.slice(i, backslash);
    const known = readEscape(text, backslash);
    out += known?.decoded ?? text.slice(backslash, backslash + 2);
    i = backslash + (known?.length ?? 2);
  }
  return out + text.slice(i);
}

const isBlank = (line: string): boolean => /^[ \t]*$/.test(line);

/**
 * `"""` text: a blank first line (right after the opening quotes) and a blank last line (before the
 * closing quotes) are dropped, then the indentation common to all non-blank lines is removed.
 * Line endings become `\n`.
 */
export function dedent(content: string): string {
  const lines = content.split(/\r\n?|\n/);
  if (lines.length > 1 && isBlank(lines[0] ?? '')) lines.shift();
  if (lines.length > 1 && isBlank(lines[lines.length - 1] ?? '')) lines.pop();
  let indent: string | undefined;
  for (const line of lines) {
    if (isBlank(line)) continue;
    const own = /^[ \t]*/.exec(line)?.[0] ?? '';
    indent = indent === undefined ? own : commonPrefix(indent, own);
  }
  const cut = indent?.length ?? 0;
  return lines.map((line) => (isBlank(line) ? '' : line.slice(cut))).join('\n');
}

function commonPrefix(a: string, b: string): string {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return a.slice(0, length);
}
