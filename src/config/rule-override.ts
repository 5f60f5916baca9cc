// `--rule id=severity` command-line overrides, validated like config rule entries.

import { UserError } from '../errors.js';
import { didYouMean } from '../text/suggest.js';
import { RULE_SETTINGS } from './schema.js';
import type { RuleSetting, TopodocConfig } from './types.js';

/** Parses repeated `--rule id=off|warn|error` values; later ones win. */
export function parseRuleOverrides(
  values: readonly string[],
  ruleIds: readonly string[],
  modelErrorIds: readonly string[] = [],
): Record<string, RuleSetting> {
  const overrides: Record<string, RuleSetting> = {};
  for (const value of values) {
    const match = /^([^=]+)=(.*)$/.exec(value);
    if (!match) throw new UserError(`--rule expects id=off|warn|error, got "${value}".`);
    const id = (match[1] ?? '').trim();
    const setting = (match[2] ?? '').trim();
    if (modelErrorIds.includes(id)) {
      throw new UserError(`--rule ${id}: model errors are always errors and cannot be configured.`);
    }
    if (!ruleIds.includes(id))
      throw new UserError(`--rule: unknown rule "${id}"${didYouMean(id, ruleIds) || '.'}`);
    if (!isRuleSetting(setting)) {
      throw new UserError(`--rule ${id}: severity must be off, warn or error, got "${setting}".`);
    }
    overrides[id] = setting;
  }
  return overrides;
}

/** The config with command-line rule overrides applied on top of the file's. */
export function withRuleOverrides(
  config: TopodocConfig,
  overrides: Record<string, RuleSetting>,
): TopodocConfig {
  return { ...config, rules: { ...config.rules, ...overrides } };
}

function isRuleSetting(value: string): value is RuleSetting {
  return (RULE_SETTINGS as readonly string[]).includes(value);
}
