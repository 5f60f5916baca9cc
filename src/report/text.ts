// Text helpers shared by the human-readable formats: safe printing of user text, source lines,
// severity counts, and the per-file, per-rule cap of stylish and unix.

import type { Diagnostic } from '../diagnostics.js';

/** At most this many findings of one rule per file in stylish and unix (rules.md C). */
export const MAX_FINDINGS_PER_RULE = 100;

// C0 controls, DEL, C1 controls and bidirectional overrides (no terminal escapes, no "Trojan source").
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const UNPRINTABLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** User text made safe for one terminal line: tabs and line breaks become spaces, controls U+FFFD. */
export function printable(text: string): string {
  return text.replace(/[\t\n\r]/g, ' ').replace(UNPRINTABLE, '\uFFFD');
}

/** Longest run of non-space characters (a quoted name, image or path) a human format shows whole. */
export const MAX_WORD_LENGTH = 100;
/** Longest message, related message or hint a human format shows whole. */
export const MAX_MESSAGE_LENGTH = 1000;

/**
 * `printable` text of bounded length for the human formats: a message quoting a megabyte-long
 * image name still prints as one short line. Each overlong word keeps its start, then `…`.
 */
export function boundedText(text: string): string {
  const words = printable(text).replace(
    new RegExp(`\\S{${MAX_WORD_LENGTH + 1},}`, 'g'),
    (word) => `${[...word].slice(0, MAX_WORD_LENGTH - 1).join('')}…`,
  );
  const characters = [...words];
  return characters.length <= MAX_MESSAGE_LENGTH
    ? words
    : `${characters.slice(0, MAX_MESSAGE_LENGTH - 1).join('')}…`;
}

/** The lines of a source (BOM dropped; LF or CRLF endings). */
export function sourceLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r?\n/);
}

export interface SeverityCounts {
  errors: number;
  warnings: number;
}

export function countSeverities(diagnostics: readonly Diagnostic[]): SeverityCounts {
  let errors = 0;
  for (const d of diagnostics) if (d.severity === 'error') errors++;
  return { errors, warnings: diagnostics.length - errors };
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export interface CappedGroup {
  file: string;
  /** Findings shown, in the input order. */
  shown: Diagnostic[];
  /** Rule id → findings left out, sorted by rule id. */
  omitted: [string, number][];
}

/** Groups sorted findings by file, keeping at most `limit` of each rule per file. */
export function groupByFileCapped(
  diagnostics: readonly Diagnostic[],
  limit = MAX_FINDINGS_PER_RULE,
): CappedGroup[] {
  const groups: CappedGroup[] = [];
  let current: CappedGroup | undefined;
  let perRule = new Map<string, number>();
  const finish = (group: CappedGroup | undefined) => {
    if (!group) return;
    group.omitted = [...perRule]
      .filter(([, count]) => count > limit)
      .map(([rule, count]): [string, number] => [rule, count - limit])
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  };
  for (const d of diagnostics) {
    if (current?.file !== d.file) {
      finish(current);
      current = { file: d.file, shown: [], omitted: [] };
      perRule = new Map();
      groups.push(current);
    }
    const seen = (perRule.get(d.ruleId) ?? 0) + 1;
    perRule.set(d.ruleId, seen);
    if (seen <= limit) current.shown.push(d);
  }
  finish(current);
  return groups;
}
