// SARIF reportingDescriptors (tool.driver.rules) from the rule catalog: descriptions, help text
// in plain text and Markdown, the docs URL and the default level.

import { ruleDocsUrl } from './links.js';
import type { RuleDescriptor } from './types.js';

/** GitHub code scanning's limit on shortDescription and fullDescription. */
const MAX_DESCRIPTION = 1024;

export interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri: string;
  defaultConfiguration: { level: 'none' | 'note' | 'warning' | 'error' };
}

export function sarifRule(rule: RuleDescriptor): SarifRule {
  const helpUri = ruleDocsUrl(rule.id);
  const fact =
    rule.fact === undefined ? [] : [`Fact: ${rule.fact}${rule.url ? `\nSource: ${rule.url}` : ''}`];
  const factMarkdown =
    rule.fact === undefined ? [] : [`**Fact:** ${rule.fact}${rule.url ? ` ([source](${rule.url}))` : ''}`];
  const fix = rule.hint === undefined ? [] : [`Fix: ${rule.hint}`];
  const fixMarkdown = rule.hint === undefined ? [] : [`**Fix:** ${rule.hint}`];
  return {
    id: rule.id,
    shortDescription: { text: truncate(sentence(rule.description)) },
    fullDescription: { text: truncate(rule.fact === undefined ? sentence(rule.description) : rule.fact) },
    help: {
      text: [sentence(rule.description), ...fact, ...fix, `Documentation: ${helpUri}`].join('\n\n'),
      markdown: [
        sentence(rule.description),
        ...factMarkdown,
        ...fixMarkdown,
        `[Documentation](${helpUri})`,
      ].join('\n\n'),
    },
    helpUri,
    defaultConfiguration: { level: rule.defaultLevel },
  };
}

/** A descriptor for a rule id that is not in the catalog, so every result has a rule to point at. */
export function unknownRule(id: string): RuleDescriptor {
  return { id, description: `Findings of ${id}`, defaultLevel: 'warning', configurable: false };
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function truncate(text: string): string {
  return text.length <= MAX_DESCRIPTION ? text : `${text.slice(0, MAX_DESCRIPTION - 1)}…`;
}
