// The examples file of a rule, docs/rules/examples/<id>.yaml: what the rule catches, its failing
// examples with the findings they produce, its passing examples, and extra words on the fix. The
// tests run every example (test/checker/rule-examples.test.ts) and scripts/rule-docs.ts prints
// them on the rule's page; nothing else holds them.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { type Diagnostic, formatRange } from '../../src/diagnostics.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const EXAMPLES_DIR = 'docs/rules/examples';

export interface RuleExample {
  /** Markdown shown above the example. */
  note?: string;
  /** The .topo text, analysed as a file of its own. */
  topo: string;
  /** Failing examples: the findings in `formatFindings` form, one line each (related lines indented). */
  findings?: string;
}

export interface RuleExamples {
  /** Markdown: what exactly the rule reports, and where the finding points. */
  catches: string;
  /** Markdown printed after the rule's hint under "How to fix", when the hint is not the whole story. */
  fix?: string;
  failing: RuleExample[];
  passing: RuleExample[];
}

/** The examples file of rule `id`, relative to the repository root. */
export function examplesPath(id: string): string {
  return `${EXAMPLES_DIR}/${id}.yaml`;
}

const TOP_KEYS = ['catches', 'fix', 'failing', 'passing'];
const EXAMPLE_KEYS = ['note', 'topo', 'findings'];

/** Reads and validates the examples of rule `id`; a malformed file throws, naming the file and the field. */
export function readRuleExamples(id: string, root = ROOT): RuleExamples {
  const path = examplesPath(id);
  const problem = (what: string): Error => new Error(`${path}: ${what}`);
  const document = parseDocument(readFileSync(join(root, path), 'utf8'));
  if (document.errors.length > 0) throw problem(document.errors[0]?.message ?? 'not YAML');
  const data: unknown = document.toJS();
  if (!isRecord(data)) throw problem('expected a mapping with catches, failing and passing');
  checkKeys(data, TOP_KEYS, '', problem);
  const text = (value: unknown, field: string, optional: boolean): string | undefined => {
    if (value === undefined && optional) return undefined;
    if (typeof value !== 'string' || value.trim() === '') throw problem(`${field} must be non-empty text`);
    return value;
  };
  const examples = (value: unknown, field: string, failing: boolean): RuleExample[] => {
    if (!Array.isArray(value) || value.length === 0) throw problem(`${field} must list at least one example`);
    return value.map((entry: unknown, index) => {
      const where = `${field}[${index}]`;
      if (!isRecord(entry)) throw problem(`${where} must be a mapping with topo`);
      checkKeys(entry, EXAMPLE_KEYS, `${where}.`, problem);
      if (!failing && entry.findings !== undefined) throw problem(`${where} passes, so it has no findings`);
      const example: RuleExample = { topo: text(entry.topo, `${where}.topo`, false) as string };
      const note = text(entry.note, `${where}.note`, true);
      if (note !== undefined) example.note = note;
      // A failing example without findings yet is reported by the test with what it found.
      if (entry.findings !== undefined) example.findings = text(entry.findings, `${where}.findings`, false);
      return example;
    });
  };
  const result: RuleExamples = {
    catches: text(data.catches, 'catches', false) as string,
    failing: examples(data.failing, 'failing', true),
    passing: examples(data.passing, 'passing', false),
  };
  const fix = text(data.fix, 'fix', true);
  if (fix !== undefined) result.fix = fix;
  return result;
}

/** Writes `findings` into failing example `index` of rule `id`'s file, keeping its comments and layout. */
export function writeFindings(id: string, index: number, findings: string, root = ROOT): void {
  const path = join(root, examplesPath(id));
  const document = parseDocument(readFileSync(path, 'utf8'));
  const failing = document.get('failing');
  if (!isSeq(failing) || !isMap(failing.items[index])) throw new Error(`${path}: no failing[${index}]`);
  document.setIn(['failing', index, 'findings'], findings);
  const node = document.getIn(['failing', index, 'findings'], true);
  if (isScalar(node)) node.type = 'BLOCK_LITERAL';
  writeFileSync(path, document.toString({ lineWidth: 0 }));
}

/** One line per finding, `line:col-line:col severity message [rule]`, then one per related location. */
export function formatFindings(diagnostics: readonly Diagnostic[]): string {
  const lines: string[] = [];
  for (const d of diagnostics) {
    lines.push(`${formatRange(d.range)} ${d.severity} ${d.message} [${d.ruleId}]`);
    for (const related of d.related ?? [])
      lines.push(`  related ${formatRange(related.range)} ${related.message}`);
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkKeys(
  record: Record<string, unknown>,
  allowed: readonly string[],
  prefix: string,
  problem: (what: string) => Error,
): void {
  for (const key of Object.keys(record)) {
    if (!allowed.includes(key))
      throw problem(`unknown field ${prefix}${key} (allowed: ${allowed.join(', ')})`);
  }
}
