// The rule catalog reports describe: the checker's registry, the manifest reader's configurable
// finding (duplicate-object) and the model errors, sorted by id.

import { RULES, UNUSED_DIRECTIVE } from '../checker/index.js';
import type { RuleMeta } from '../checker/rule.js';
import { compareStrings } from '../diagnostics.js';
import { DRIFT_FINDINGS } from '../diff/drift.js';
import { DUPLICATE_OBJECT } from '../manifests/facts.js';
import { MODEL_ERRORS } from './model-errors.js';
import type { RuleDescriptor } from './types.js';

/** Ids a user may configure (`rules` in config, `--rule`). */
export function configurableRuleIds(): string[] {
  return configurableMetas().map((meta) => meta.id);
}

export const MODEL_ERROR_IDS: readonly string[] = MODEL_ERRORS.map((rule) => rule.id);

export function ruleCatalog(): RuleDescriptor[] {
  const rules: RuleDescriptor[] = configurableMetas().map((meta) => ({
    id: meta.id,
    description: meta.description,
    defaultLevel: meta.defaultSeverity === 'warn' ? 'warning' : 'error',
    fact: meta.fact,
    url: meta.url,
    hint: meta.hint,
    configurable: true,
  }));
  return [...MODEL_ERRORS, UNUSED_DIRECTIVE_DESCRIPTOR, ...rules].sort((a, b) => compareStrings(a.id, b.id));
}

/** Reported only with --report-unused-disable-directives. */
const UNUSED_DIRECTIVE_DESCRIPTOR: RuleDescriptor = {
  ...UNUSED_DIRECTIVE,
  defaultLevel: 'warning',
  configurable: false,
};

type ConfigurableMeta = Pick<RuleMeta, 'id' | 'description' | 'defaultSeverity' | 'fact' | 'url' | 'hint'>;

/** The checker's rules, the manifest reader's `duplicate-object` and the drift findings of `check --against`. */
function configurableMetas(): ConfigurableMeta[] {
  return [...checkerRuleMetas(), DUPLICATE_OBJECT, ...DRIFT_FINDINGS];
}

function checkerRuleMetas(): RuleMeta[] {
  return RULES.map((rule) => rule.meta);
}
