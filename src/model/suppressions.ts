// Reads `topodoc-disable` directives from the comments of one file: `# topodoc-disable-next-line
// RULE[, RULE…] -- reason` and, before the first statement, `# topodoc-disable RULE[, …] -- reason`.

import type { Span } from '../diagnostics.js';
import type { Comment } from '../parser/ast.js';
import type { StatementReader } from '../parser/reader.js';
import { didYouMean } from '../text/suggest.js';
import { MODEL_ERROR_IDS } from './report.js';
import type { Suppression } from './types.js';

export interface DirectiveProblem extends Span {
  message: string;
}

export interface SuppressionsResult {
  suppressions: Suppression[];
  /** Each becomes an `invalid-directive` model error. */
  problems: DirectiveProblem[];
}

const NEXT_LINE = 'topodoc-disable-next-line';
const FILE = 'topodoc-disable';
const RULE_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const DIRECTIVE_START = /^topodoc-(?:disable|enable)/;
const UNSUPPRESSIBLE: readonly string[] = MODEL_ERROR_IDS;

/**
 * The directives of a file read to its end (its comments are then all known).
 * @param knownRuleIds the rule ids a directive may name; when omitted any kebab-case id is accepted
 *   (the checker owns the rule list, and the model must not import it).
 */
export function readSuppressions(
  file: StatementReader,
  knownRuleIds?: readonly string[],
): SuppressionsResult {
  const { source } = file;
  const result: SuppressionsResult = { suppressions: [], problems: [] };
  for (const comment of file.comments()) {
    const text = comment.text.trim();
    if (!DIRECTIVE_START.test(text)) continue;
    const read = readDirective(text, comment, knownRuleIds);
    if (typeof read === 'string') {
      result.problems.push({ start: comment.start, end: comment.end, message: read });
      continue;
    }
    const line = source.lineAt(comment.start);
    const loc = { source, start: comment.start, end: comment.end };
    if (read.scope === 'file') {
      const first = file.firstStatementAfter(0);
      if (!comment.ownLine || (first !== undefined && line > source.lineAt(first))) {
        result.problems.push({
          start: comment.start,
          end: comment.end,
          message: `\`${FILE}\` must stand on its own line before the first statement; use \`${NEXT_LINE}\` here`,
        });
        continue;
      }
      result.suppressions.push({ rules: read.rules, reason: read.reason, loc, scope: 'file' });
      continue;
    }
    // The comment runs to the end of its line: the next statement starts on a later one.
    const target = file.firstStatementAfter(comment.end);
    if (target === undefined) {
      const message = `\`${NEXT_LINE}\` has no statement after it`;
      result.problems.push({ start: comment.start, end: comment.end, message });
      continue;
    }
    const targetLine = source.lineAt(target);
    result.suppressions.push({ rules: read.rules, reason: read.reason, loc, scope: 'next-line', targetLine });
  }
  return result;
}

interface Directive {
  scope: 'file' | 'next-line';
  rules: string[];
  reason: string;
}

/** The directive, or why it is invalid. */
function readDirective(text: string, comment: Comment, knownRuleIds?: readonly string[]): Directive | string {
  const [keyword = '', ...restWords] = text.split(/\s+/);
  const rest = text.slice(keyword.length);
  if (keyword !== FILE && keyword !== NEXT_LINE) {
    return `unknown directive \`${keyword}\`; use \`${NEXT_LINE}\` or \`${FILE}\``;
  }
  const usage = `(\`${comment.marker} ${keyword} RULE[, RULE…] -- reason\`)`;
  if (restWords.length === 0) return `\`${keyword}\` names no rule ${usage}`;
  const separator = rest.indexOf('--');
  const reason = separator === -1 ? '' : rest.slice(separator + 2).trim();
  if (reason === '') return `\`${keyword}\` needs a reason after \`--\` ${usage}`;
  const ruleList = rest.slice(0, separator).trim();
  if (ruleList === '') return `\`${keyword}\` names no rule ${usage}`;
  const rules = ruleList.split(',').map((rule) => rule.trim());
  for (const rule of rules) {
    const problem = ruleProblem(rule, usage, knownRuleIds);
    if (problem) return problem;
  }
  return { scope: keyword === FILE ? 'file' : 'next-line', rules, reason };
}

function ruleProblem(rule: string, usage: string, knownRuleIds?: readonly string[]): string | undefined {
  if (rule === '') return `empty rule name in the list ${usage}`;
  if (!RULE_ID.test(rule)) return `\`${rule}\` is not a rule id; rule ids are kebab-case ${usage}`;
  if (rule === 'syntax') return 'syntax errors cannot be suppressed';
  if (UNSUPPRESSIBLE.includes(rule)) return `\`${rule}\` is a model error and cannot be suppressed`;
  if (knownRuleIds && !knownRuleIds.includes(rule)) {
    return `unknown rule \`${rule}\`${didYouMean(rule, knownRuleIds)}`;
  }
  return undefined;
}
