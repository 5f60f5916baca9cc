// The shape of a checker rule: metadata (id, default severity, the fact behind it, the fix, messages),
// which with its examples file is all its docs page is made from, and a pure `check` that reads the
// model and reports through the context. Severity and config are check.ts's job.

import type { Location, Note } from '../diagnostics.js';
import type { Topology } from '../model/types.js';
import type { ModelIndex } from './model-index.js';

export type RuleSeverity = 'error' | 'warn';

export interface RuleMeta<MessageId extends string = string> {
  /** Kebab-case, stable; equals the rule's file name and its examples file's (docs/rules/examples/). */
  id: string;
  /** What the rule detects, one line, no final period: its docs page's lead, SARIF's short description. */
  description: string;
  defaultSeverity: RuleSeverity;
  /** The Kubernetes or Linux fact behind it, one Markdown paragraph: "Why" on its docs page, SARIF help. */
  fact: string;
  /** Where the fact is documented. */
  url: string;
  /** How to fix a finding, one sentence: printed under every finding, and "How to fix" on its docs page. */
  hint: string;
  /** Message templates; `{{key}}` is replaced by the report's data. */
  messages: Record<MessageId, string>;
}

export interface RuleReport<MessageId extends string = string> {
  messageId: MessageId;
  data?: Record<string, string | number>;
  loc: Location;
  related?: Note[];
  /** `error`: this finding is an error even where the rule is set to `warn` (a rule set `off` reports nothing). */
  severity?: 'error';
}

export interface RuleContext<MessageId extends string = string> {
  model: Topology;
  /** Lookups of `model` that several rules make, shared by the rules of one check run. */
  index: ModelIndex;
  report(report: RuleReport<MessageId>): void;
}

export interface Rule<MessageId extends string = string> {
  meta: RuleMeta<MessageId>;
  check(ctx: RuleContext<MessageId>): void;
}

/** Identity function that gives a rule its types (message ids are checked against `meta.messages`). */
export function defineRule<MessageId extends string>(rule: Rule<MessageId>): Rule<MessageId> {
  return rule;
}

/** Fills `{{key}}` placeholders; a placeholder without data is a bug in the rule, so it throws. */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (_, key: string) => {
    const value = data[key];
    if (value === undefined) throw new Error(`Message placeholder {{${key}}} has no data`);
    return String(value);
  });
}
