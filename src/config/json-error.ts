// Where and why JSON text fails to parse, as one clause with a line and column: V8's own messages
// carry no line, may quote a multi-line snippet, and sometimes give no position at all.

/** A prefix of JSON text that a longer text could still complete. */
function viablePrefix(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return true;
  } catch (error) {
    // V8 reports the end of a prefix as an error "at position N" with N = the prefix length.
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message)?.[1];
    return message.startsWith('Unexpected end of JSON input') || Number(position) === prefix.length;
  }
}

/**
 * Offset of the first character no JSON text can continue with (text.length when the text ends
 * too early), found by binary search over prefixes; undefined when `text` parses.
 */
export function jsonErrorOffset(text: string): number | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch {
    if (viablePrefix(text)) return text.length;
  }
  let viable = 0;
  let broken = text.length;
  while (broken - viable > 1) {
    const middle = Math.floor((viable + broken) / 2);
    if (viablePrefix(text.slice(0, middle))) viable = middle;
    else broken = middle;
  }
  return broken - 1;
}

/** `unexpected character "}" at line 3, column 5`, for `error` thrown by JSON.parse(text). */
export function describeJsonError(text: string, error: unknown): string {
  const offset = jsonErrorOffset(text) ?? 0;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  const where = `at line ${line}, column ${column}`;
  if (offset >= text.length) return `the text ends before the JSON is complete (${where})`;
  const v8 = /^(.*) in JSON at position \d+/.exec(error instanceof Error ? error.message : '')?.[1];
  const what =
    v8 === undefined ? `unexpected character ${JSON.stringify(text.charAt(offset))}` : lowerFirst(v8);
  return `${what} ${where}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
