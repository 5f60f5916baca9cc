// Reads `topodoc-disable` directives from the comments of one file: `# topodoc-disable-next-line
// RULE[, RULE…] -- reason` and, before the first statement, `# topodoc-disable RULE[, …] -- reason`.

import type { SourceText, Span } from '../diagnostics.js';
import type { Comment, Document, Statement } from '../parser/ast.js';
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
 * @param knownRuleIds the rule ids a directive may name; when omitted any kebab-case id is accepted
 *   (the checker owns the rule list, and the model must not import it).
 */
export function readSuppressions(document: Document, knownRuleIds?: readonly string[]): SuppressionsResult {
  const { source } = document;
  const result: SuppressionsResult = { suppressions: [], problems: [] };
  // Collected at the first directive: most files have none.
  let statementLines: number[] | undefined;
  for (const comment of document.comments) {
    const text = comment.text.trim();
    if (!DIRECTIVE_START.test(text)) continue;
    statementLines ??= collectStatementLines(document.body, source);
    const read = readDirective(text, comment, knownRuleIds);
    if (typeof read === 'string') {
      result.problems.push({ start: comment.start, end: comment.end, message: read });
      continue;
    }
    const line = source.lineAt(comment.start);
    const loc = { source, start: comment.start, end: comment.end };
    if (read.scope === 'file') {
      if (!comment.ownLine || line > (statementLines[0] ?? Number.POSITIVE_INFINITY)) {
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
    const targetLine = firstLineAfter(statementLines, line);
    if (targetLine === undefined) {
      const message = `\`${NEXT_LINE}\` has no statement after it`;
      result.problems.push({ start: comment.start, end: comment.end, message });
      continue;
    }
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

/** The first of the ascending `lines` after `line` (binary search). */
function firstLineAfter(lines: readonly number[], line: number): number | undefined {
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((lines[middle] ?? 0) > line) high = middle;
    else low = middle + 1;
  }
  return lines[low];
}

/** Start lines of every statement at every depth, ascending. */
function collectStatementLines(body: readonly Statement[], source: SourceText): number[] {
  const lines: number[] = [];
  const walk = (statements: readonly Statement[]): void => {
    for (const statement of statements) {
      lines.push(source.lineAt(statement.start));
      if (statement.type === 'Block' && statement.body) walk(statement.body);
    }
  };
  walk(body);
  return lines.sort((a, b) => a - b);
}
