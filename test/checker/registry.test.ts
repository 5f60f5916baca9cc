// The registry's invariants: every rule file registered under its own id, in id order, with a
// docs page, an index entry, fixtures, and the id and default severity of rules.md.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/checker/index.js';
import { compareStrings } from '../../src/diagnostics.js';
import { FIXTURES, ROOT } from './helpers.js';

const ids = RULES.map((rule) => rule.meta.id);

describe('rule registry', () => {
  it('lists every rule file exactly once, sorted by id', () => {
    const files = readdirSync(join(ROOT, 'src/checker/rules'))
      .filter((file) => file !== 'index.ts')
      .map((file) => file.replace(/\.ts$/, ''));
    expect(ids).toEqual([...files].sort(compareStrings));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('matches the ids and default severities of the rules contract (rules.md section B)', () => {
    // The contract's table, transcribed: the repository does not carry the contract itself.
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
    expect(registered).toEqual([...contract].sort(compareStrings));
  });

  it.each(ids)('%s has a docs page that states its default and its source, and an index entry', (id) => {
    const rule = RULES.find((candidate) => candidate.meta.id === id);
    const page = readFileSync(join(ROOT, 'docs/rules', `${id}.md`), 'utf8');
    expect(page.startsWith(`# ${id}\n`)).toBe(true);
    expect(page).toContain(`Default severity: \`${rule?.meta.defaultSeverity}\`.`);
    expect(page).toContain(`<${rule?.meta.url}>`);
    const index = readFileSync(join(ROOT, 'docs/rules/README.md'), 'utf8');
    expect(index).toContain(`| [${id}](${id}.md) | \`${rule?.meta.defaultSeverity}\` |`);
  });

  it.each(ids)('%s has a failing and a passing fixture', (id) => {
    expect(existsSync(join(ROOT, FIXTURES, id, 'fail.topo'))).toBe(true);
    expect(existsSync(join(ROOT, FIXTURES, id, 'pass.topo'))).toBe(true);
  });

  it('has no docs page or fixture folder for a rule that does not exist', () => {
    const pages = readdirSync(join(ROOT, 'docs/rules'))
      .filter((file) => file !== 'README.md')
      .sort(compareStrings);
    expect(pages.map((page) => page.replace(/\.md$/, ''))).toEqual(ids);
    const folders = readdirSync(join(ROOT, FIXTURES), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'multi')
      .map((entry) => entry.name);
    expect(folders.sort(compareStrings)).toEqual(ids);
  });

  it.each(ids)('%s has metadata for every report: description, fact, hint, https source, messages', (id) => {
    const { meta } = RULES.find((candidate) => candidate.meta.id === id) ?? { meta: undefined };
    expect(meta?.description).toMatch(/\S/);
    expect(meta?.fact).toMatch(/\S/);
    expect(meta?.hint).toMatch(/\S/);
    expect(meta?.url).toMatch(/^https:\/\/kubernetes\.io\/docs\//);
    expect(Object.keys(meta?.messages ?? {}).length).toBeGreaterThan(0);
  });
});
