// Runs the examples of the manifest reader's rule pages (docs/rules/duplicate-object.md and
// manifest-error.md): the failing example must produce the finding, the passing one must be clean.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Code, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { DUPLICATE_OBJECT, MANIFEST_ERROR } from '../../src/manifests/facts.js';
import { readText } from './helpers.js';

const DOCS = path.resolve(import.meta.dirname, '../../docs/rules');

/** The one `yaml` fence under the `##` heading `heading`. */
function example(markdown: string, heading: string): string {
  const tree = unified().use(remarkParse).parse(markdown) as Root;
  const found: string[] = [];
  let current = '';
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 2) {
      current = node.children.map((child) => ('value' in child ? child.value : '')).join('');
    } else if (node.type === 'code' && (node as Code).lang === 'yaml' && current === heading) {
      found.push((node as Code).value);
    }
  }
  expect(found).toHaveLength(1);
  return found[0] ?? '';
}

describe.each([DUPLICATE_OBJECT.id, MANIFEST_ERROR.id])('docs/rules/%s.md', (id) => {
  const page = readFileSync(path.join(DOCS, `${id}.md`), 'utf8');

  it('has a failing example that produces the finding', () => {
    const ids = readText(`${example(page, 'Failing example')}\n`).diagnostics.map((d) => d.ruleId);
    expect(ids).toContain(id);
  });

  it('has a passing example that reads cleanly', () => {
    expect(readText(`${example(page, 'Passing example')}\n`).diagnostics).toEqual([]);
  });
});
