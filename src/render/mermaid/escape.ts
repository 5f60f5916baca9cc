// Escapes user text for a Mermaid quoted label (`["…"]` or `|"…"|`): every character that could
// end the string, the node or the statement, start a comment or directive, or carry markup
// becomes a Mermaid entity code, so user text never changes the diagram's structure.

/** Characters replaced by Mermaid entity codes (`#name;` or decimal `#NN;`). */
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '#amp;',
  '#': '#35;',
  '"': '#quot;',
  '<': '#lt;',
  '>': '#gt;',
  '|': '#124;',
  '`': '#96;',
  '[': '#91;',
  ']': '#93;',
  '{': '#123;',
  '}': '#125;',
  '%': '#37;',
  ';': '#59;',
  '\\': '#92;',
};

const SPECIAL = /[&#"<>|`[\]{}%;\\]/g;
/** Line breaks left after DROPPED (which removes `\r` and NEL). */
const LINE_BREAK = /[\n\u2028\u2029]/g;
// C0 and C1 controls, DEL, and bidi/format controls that could disguise text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
const DROPPED = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
/** Mermaid turns `fa:fa-name` in a label into a Font Awesome icon element; the colon is escaped. */
const ICON_SYNTAX = /(fa[bklrs]?):(fa-)/gi;

/**
 * Before decoding entity codes, Mermaid drops the last `;` of any line matching one of these
 * (meant for `style` and `classDef` statements), which would spoil the label's last entity code.
 */
const CHOPPED_BY_MERMAID = [/style.*:\S*#.*;/, /classDef.*:\S*#.*;/];

export interface EscapeOptions {
  /** Also write `:` as an entity code (see lineSafeFromMermaid). */
  colons?: boolean;
}

/**
 * User text as the content of a quoted Mermaid label. Line breaks become `<br>` (the one piece of
 * markup topodoc writes), tabs become spaces, control characters are dropped.
 */
export function escapeLabel(text: string, options: EscapeOptions = {}): string {
  const escaped = text
    .replace(/\t/g, ' ')
    .replace(DROPPED, '')
    .replace(SPECIAL, (character) => ENTITIES[character] ?? '')
    .replace(ICON_SYNTAX, '$1#58;$2')
    .replace(LINE_BREAK, '<br>');
  return options.colons === true ? escaped.replace(/:/g, '#58;') : escaped;
}

/** Several pieces of user text, escaped, one per line of the label. */
export function escapeLines(lines: readonly string[], options: EscapeOptions = {}): string {
  return lines.map((line) => escapeLabel(line, options)).join('<br>');
}

/**
 * A statement holding labels, written with plain escaping unless Mermaid would cut its last `;`;
 * then with colons escaped too, which the patterns need (ids and topodoc's own syntax hold none).
 */
export function lineSafeFromMermaid(write: (options: EscapeOptions) => string): string {
  const line = write({});
  return CHOPPED_BY_MERMAID.some((pattern) => pattern.test(line)) ? write({ colons: true }) : line;
}
