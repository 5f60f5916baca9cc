// docs/rules is what scripts/rule-docs.ts makes of the rules' meta and examples files, it passes
// markdownlint, every `topo` snippet in it reads without a syntax error, and the README's
// suppression example is clean and suppresses what it says.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from 'markdownlint/sync';
import type { Code, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { DOCS_DIR, staleDocs } from '../../scripts/rules/pages.js';
import { analyzeSnippet, ROOT } from './helpers.js';

const pages = readdirSync(join(ROOT, DOCS_DIR)).filter((name) => name.endsWith('.md'));
const read = (page: string) => readFileSync(join(ROOT, DOCS_DIR, page), 'utf8');

function topoSnippets(markdown: string): string[] {
  const snippets: string[] = [];
  visit(unified().use(remarkParse).parse(markdown) as Root, 'code', (node: Code) => {
    if (node.lang === 'topo') snippets.push(node.value);
  });
  return snippets;
}

const PAGES_WITHOUT_TOPO = ['CONTRIBUTING.md', 'duplicate-object.md', 'manifest-error.md'];

describe('docs/rules', () => {
  it('is what `npm run rule-docs` generates (run it and commit the result)', () => {
    expect(staleDocs()).toEqual([]);
  });

  it.each(pages)('%s passes markdownlint (line length aside) and its topo snippets parse', async (page) => {
    const markdown = read(page);
    const results = lint({ strings: { [page]: markdown }, config: { default: true, MD013: false } });
    expect((results[page] ?? []).map((error) => `${error.lineNumber}: ${error.ruleNames[1]}`)).toEqual([]);
    const snippets = topoSnippets(markdown);
    // The manifest reader's pages show YAML; test/manifests/docs.test.ts runs their examples.
    if (!PAGES_WITHOUT_TOPO.includes(page)) expect(snippets.length).toBeGreaterThan(0);
    for (const snippet of snippets) {
      const analysis = await analyzeSnippet(snippet);
      expect(analysis.diagnostics.filter((d) => d.ruleId === 'syntax')).toEqual([]);
    }
  });

  it('README.md has a suppression example that is clean and suppresses what it says', async () => {
    const [example, ...others] = topoSnippets(read('README.md'));
    expect(others).toEqual([]);
    const analysis = await analyzeSnippet(example ?? '', { reportUnusedDisableDirectives: true });
    expect(analysis.diagnostics).toEqual([]);
  });
});
