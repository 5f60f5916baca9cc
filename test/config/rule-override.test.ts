// `--rule id=severity`: parsing, validation messages, and how overrides sit on the config.

import { describe, expect, it } from 'vitest';
import { parseRuleOverrides, withRuleOverrides } from '../../src/config/rule-override.js';
import { DEFAULT_CONFIG } from '../../src/config/types.js';

const RULE_IDS = ['image-unpinned', 'pod-empty'];
const parse = (values: string[]) => parseRuleOverrides(values, RULE_IDS, ['syntax']);

describe('--rule overrides', () => {
  it('parses id=severity, later values winning', () => {
    expect(parse(['pod-empty=off', 'image-unpinned = error', 'pod-empty=warn'])).toEqual({
      'pod-empty': 'warn',
      'image-unpinned': 'error',
    });
  });

  it.each([
    ['pod-empty', '--rule expects id=off|warn|error, got "pod-empty".'],
    ['pod-empty=warning', '--rule pod-empty: severity must be off, warn or error, got "warning".'],
    ['pod-emty=off', '--rule: unknown rule "pod-emty"; did you mean `pod-empty`?'],
    ['syntax=off', '--rule syntax: model errors are always errors and cannot be configured.'],
  ])('rejects %s', (value, message) => {
    expect(() => parse([value])).toThrow(message);
  });

  it('overrides the config rules and keeps the rest', () => {
    const config = {
      ...DEFAULT_CONFIG,
      rules: { 'pod-empty': 'warn' as const, 'image-unpinned': 'off' as const },
    };
    const merged = withRuleOverrides(config, { 'pod-empty': 'error' });
    expect(merged.rules).toEqual({ 'pod-empty': 'error', 'image-unpinned': 'off' });
    expect(merged.ascii).toBe(config.ascii);
  });
});
