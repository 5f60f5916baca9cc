// docs/language.md is what scripts/language-doc.ts makes of the model's tables (its --check says
// so in CI), it names every block and property of src/model/schema.ts, passes markdownlint, and
// every `topo` example in it reads through the real analyzer without a syntax or model error.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { lint } from 'markdownlint/sync';
import type { Code, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { afterAll, describe, expect, it } from 'vitest';
import { LANGUAGE_DOC, languageDoc, languageDocIsCurrent } from '../../scripts/language/page.js';
import { DEFAULT_CONFIG } from '../../src/config/types.js';
import { PROPERTIES } from '../../src/model/schema.js';
import { BLOCK_KEYWORDS } from '../../src/parser/ast.js';
import { analyzeFile, analyzeText } from '../../src/pipeline/analyze.js';

const ROOT = join(import.meta.dirname, '../..');
const doc = readFileSync(join(ROOT, LANGUAGE_DOC), 'utf8');
const scratch = mkdtempSync(join(tmpdir(), 'topodoc-language-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Example {
  line: number;
  text: string;
  /** `file=PATH` of a several-file example. */
  file?: string;
}

const examples: Example[] = [];
visit(unified().use(remarkParse).parse(doc) as Root, 'code', (node: Code) => {
  if (node.lang !== 'topo') return;
  const file = /(?:^|\s)file=(\S+)/.exec(node.meta ?? '')?.[1];
  examples.push({ line: node.position?.start.line ?? 0, text: node.value, ...(file ? { file } : {}) });
});

const options = (cwd: string) => ({ cwd, config: DEFAULT_CONFIG, reportUnusedDisableDirectives: false });

async function problems(example: Example): Promise<string[]> {
  const analysis =
    example.file === undefined
      ? await analyzeText(example.text, 'example.topo', options(ROOT))
      : await analyzeFile(example.file, options(scratch));
  return analysis.diagnostics
    .filter((d) => d.source !== 'checker')
    .map((d) => `${d.file}:${d.range.start.line}: ${d.message} [${d.ruleId}]`);
}

describe('docs/language.md', () => {
  it('is what `npm run language-doc` writes, and `--check` says so with exit 0', () => {
    expect(doc).toBe(languageDoc());
    const tsx = join(ROOT, 'node_modules/.bin/tsx');
    expect(() =>
      execFileSync(tsx, ['scripts/language-doc.ts', '--check'], { cwd: ROOT, stdio: 'pipe' }),
    ).not.toThrow();
  });

  it('--check finds a stale copy, and the script refuses an unknown argument with exit 2', () => {
    const stale = join(scratch, 'stale.md');
    writeFileSync(stale, doc.replace('### `listen`', '### `listens`'));
    expect(languageDocIsCurrent(stale)).toBe(false);
    expect(languageDocIsCurrent(join(scratch, 'missing.md'))).toBe(false);
    const tsx = join(ROOT, 'node_modules/.bin/tsx');
    let status = 0;
    try {
      execFileSync(tsx, ['scripts/language-doc.ts', '--chek'], { cwd: ROOT, stdio: 'pipe' });
    } catch (error) {
      status = (error as { status: number }).status;
    }
    expect(status).toBe(2);
  });

  it('has a heading and an example for every block keyword and every property of the model', () => {
    for (const keyword of BLOCK_KEYWORDS) expect(doc).toContain(`### \`${keyword}\`\n`);
    for (const spec of PROPERTIES) {
      const section = doc
        .split(/\n(?=### )/)
        .find((part) => part.startsWith(`### \`${spec.name}\``) && part.includes(spec.usage));
      expect(section, spec.usage).toBeDefined();
      expect(section).toContain('```topo');
      expect(section).toContain(`- On: `);
    }
  });

  it('passes markdownlint (line length aside), links to its own headings included', () => {
    const results = lint({ strings: { doc }, config: { default: true, MD013: false } });
    expect((results.doc ?? []).map((error) => `${error.lineNumber}: ${error.ruleNames[1]}`)).toEqual([]);
  });

  it('has topo examples that read without a syntax or model error', async () => {
    expect(examples.length).toBeGreaterThan(BLOCK_KEYWORDS.length + PROPERTIES.length);
    for (const example of examples.filter((e) => e.file !== undefined)) {
      const path = join(scratch, example.file ?? '');
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, example.text);
    }
    for (const example of examples) {
      expect(await problems(example), `the example at docs/language.md:${example.line}`).toEqual([]);
    }
  });
});
