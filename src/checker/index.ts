// The checker's public surface: the rule registry and `check` (rules.md section B).

export { type CheckOptions, check, UNUSED_DIRECTIVE, UNUSED_DIRECTIVE_ID } from './check.js';
export { RULES } from './registry.js';
export type { Rule, RuleMeta, RuleSeverity } from './rule.js';
