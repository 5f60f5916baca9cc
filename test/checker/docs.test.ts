// Runs the examples of every rule's docs page: the failing example must produce the rule, the
// passing example must not, and neither may have syntax or model errors. Docs cannot drift.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Code, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/checker/index.js';
import { analyzeSnippet, nonRuleDiagnostics, ROOT } from './helpers.js';

/** The `topo` fences of a page, each with the text of the `##` heading it stands under. */
function topoExamples(markdown: string): { heading: string; code: string }[] {
  const tree = unified().use(remarkParse).parse(markdown) as Root;
  const examples: { heading: string; code: string }[] = [];
  let heading = '';
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 2) {
      heading = node.children.map((child) => ('value' in child ? child.value : '')).join('');
    } else if (node.type === 'code' && (node as Code).lang === 'topo') {
      examples.push({ heading, code: (node as Code).value });
    }
  }
  return examples;
}

function page(id: string): string {
  return readFileSync(join(ROOT, 'docs/rules', `${id}.md`), 'utf8');
}

describe.each(RULES.map((rule) => rule.meta.id))('docs/rules/%s.md', (id) => {
  const examples = topoExamples(page(id));
  const only = (heading: string): string => {
    const found = examples.filter((example) => example.heading === heading);
    expect(found).toHaveLength(1);
    return found[0]?.code ?? '';
  };

  it('has a failing example that produces the rule', async () => {
    const analysis = await analyzeSnippet(only('Failing example'));
    expect(nonRuleDiagnostics(analysis)).toEqual([]);
    expect(analysis.diagnostics.map((d) => d.ruleId)).toContain(id);
  });

  it('has a passing example that does not', async () => {
    const analysis = await analyzeSnippet(only('Passing example'));
    expect(nonRuleDiagnostics(analysis)).toEqual([]);
    expect(analysis.diagnostics.map((d) => d.ruleId)).not.toContain(id);
  });

  it('has no topo snippet with a syntax error', async () => {
    for (const { code } of examples) {
      const analysis = await analyzeSnippet(code);
      expect(analysis.diagnostics.filter((d) => d.ruleId === 'syntax')).toEqual([]);
    }
  });
});

describe('docs/rules/README.md', () => {
  it('has a suppression example that is clean and suppresses what it says', async () => {
    const examples = topoExamples(readFileSync(join(ROOT, 'docs/rules/README.md'), 'utf8'));
    expect(examples).toHaveLength(1);
    const analysis = await analyzeSnippet(examples[0]?.code ?? '', { reportUnusedDisableDirectives: true });
    expect(analysis.diagnostics).toEqual([]);
  });
});
