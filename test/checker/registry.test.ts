// The registry's invariants: every rule file registered once under its own id, registry lines in id
// order, one examples file per rule and none for a rule that does not exist, the ids and default
// severities of rules.md section B, and the metadata every report and docs page needs.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from '../../scripts/rules/examples.js';
import { RULES, type Rule } from '../../src/checker/index.js';
import { compareStrings } from '../../src/diagnostics.js';
import { ROOT } from './helpers.js';

const ids = RULES.map((rule) => rule.meta.id);
const RULES_DIR = join(ROOT, 'src/checker/rules');
const sorted = (names: readonly string[]) => [...names].sort(compareStrings);

describe('rule registry', () => {
  it('registers every rule file once, under the id its file is named after', async () => {
    const files = readdirSync(RULES_DIR)
      .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
      .map((file) => file.replace(/\.ts$/, ''));
    expect(ids).toEqual(sorted(files));
    expect(new Set(RULES).size).toBe(RULES.length);
    for (const file of files) {
      const rule = ((await import(join(RULES_DIR, `${file}.ts`))) as { default: Rule }).default;
      expect(rule.meta.id).toBe(file);
      expect(RULES).toContain(rule);
    }
  });

  it('keeps its lines in id order, one rule a line', () => {
    const lines = readFileSync(join(RULES_DIR, 'index.ts'), 'utf8').split('\n');
    const registered = lines.flatMap(
      (line) => /^export \{ default as \w+ \} from '\.\/(.+)\.js';$/.exec(line)?.[1] ?? [],
    );
    expect(registered).toEqual(ids);
    expect(lines.filter((line) => line.startsWith('export')).length).toBe(ids.length);
  });

  it('has one examples file per rule, and none for a rule that does not exist', () => {
    const files = readdirSync(join(ROOT, EXAMPLES_DIR)).map((file) => file.replace(/\.yaml$/, ''));
    expect(sorted(files)).toEqual(ids);
  });

  it('has every rule of the contract (rules.md section B) with its default severity', () => {
    // The contract's table, transcribed: the repository does not carry the contract itself. Rules of
    // later specs need no line here; these must not disappear or change their default.
    const contract = [
      'node-missing-kubelet error',
      'node-missing-runtime error',
      'node-missing-kube-proxy warn',
      'control-plane-incomplete error',
      'pod-empty error',
      'pod-port-conflict error',
      'pod-ip-duplicate error',
      'pod-ip-outside-cidr error',
      'cidr-overlap error',
      'localhost-cross-pod error',
      'localhost-no-listener warn',
      'connect-port-closed warn',
      'host-port-conflict error',
      'host-network-used warn',
      'volume-undeclared error',
      'volume-unused warn',
      'process-not-shared error',
      'image-unpinned warn',
      'unknown-component warn',
      'invalid-k8s-name warn',
    ];
    const registered = RULES.map((rule) => `${rule.meta.id} ${rule.meta.defaultSeverity}`);
    expect(registered).toEqual(expect.arrayContaining(contract));
  });

  it.each(ids)(
    '%s has metadata for every report and its page: one-line texts, https source, messages',
    (id) => {
      const { meta } = RULES.find((candidate) => candidate.meta.id === id) ?? { meta: undefined };
      expect(meta?.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/);
      for (const text of [meta?.description, meta?.fact, meta?.hint]) expect(text).toMatch(/^\S[^\n]*$/);
      expect(meta?.description).not.toMatch(/\.$/);
      expect(meta?.url).toMatch(/^https:\/\/kubernetes\.io\/docs\//);
      expect(Object.keys(meta?.messages ?? {}).length).toBeGreaterThan(0);
    },
  );
});
