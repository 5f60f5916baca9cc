// The examples file reader: a malformed file is refused naming the file and the field, and the
// update mode rewrites one example's findings keeping the rest of the file as written.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { examplesPath, readRuleExamples, writeFindings } from '../../scripts/rules/examples.js';

const VALID = `# x-rule: a comment that stays
catches: |
  What it catches.
failing:
  - note: First.
    topo: |
      machine m {}
    findings: |
      1:1-1:10 error Old [x-rule]
  - topo: |
      # keep me
      machine n {}
passing:
  - topo: |
      machine p {}
`;

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A scratch repository root whose examples file of `x-rule` is `text`. */
function root(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'topodoc-examples-'));
  made.push(dir);
  mkdirSync(join(dir, 'docs/rules/examples'), { recursive: true });
  writeFileSync(join(dir, examplesPath('x-rule')), text);
  return dir;
}

describe('readRuleExamples', () => {
  it('reads catches, notes, examples and findings', () => {
    expect(readRuleExamples('x-rule', root(VALID))).toEqual({
      catches: 'What it catches.\n',
      failing: [
        { note: 'First.', topo: 'machine m {}\n', findings: '1:1-1:10 error Old [x-rule]\n' },
        { topo: '# keep me\nmachine n {}\n' },
      ],
      passing: [{ topo: 'machine p {}\n' }],
    });
  });

  it.each([
    [VALID.replace('catches', 'catch'), 'unknown field catch (allowed: catches, fix, failing, passing)'],
    [
      VALID.replace('    findings: |\n      1:1-1:10 error Old [x-rule]\n', '    finding: x\n'),
      'unknown field failing[0].finding',
    ],
    [
      VALID.replace('passing:\n  - topo: |\n      machine p {}\n', 'passing: []\n'),
      'passing must list at least one example',
    ],
    [`${VALID}    findings: x\n`, 'passing[0] passes, so it has no findings'],
    [VALID.replace('  What it catches.\n', '  \n'), 'catches must be non-empty text'],
    ['catches: [unclosed\n', 'docs/rules/examples/x-rule.yaml: '],
  ])('refuses a malformed file (%#)', (text, message) => {
    expect(() => readRuleExamples('x-rule', root(text))).toThrow(message);
  });
});

describe('writeFindings', () => {
  it('sets one example’s findings and keeps comments, notes and the other examples', () => {
    const dir = root(VALID);
    writeFindings('x-rule', 1, '2:1-2:13 error New: with a colon # and a hash [x-rule]\n', dir);
    writeFindings('x-rule', 0, '1:1-1:13 error Newer [x-rule]\n  related 1:1-1:2 here\n', dir);
    const text = readFileSync(join(dir, examplesPath('x-rule')), 'utf8');
    expect(text).toBe(
      VALID.replace(
        '1:1-1:10 error Old [x-rule]',
        '1:1-1:13 error Newer [x-rule]\n        related 1:1-1:2 here',
      ).replace(
        '      machine n {}\n',
        '      machine n {}\n    findings: |\n      2:1-2:13 error New: with a colon # and a hash [x-rule]\n',
      ),
    );
    expect(readRuleExamples('x-rule', dir).failing[1]?.findings).toBe(
      '2:1-2:13 error New: with a colon # and a hash [x-rule]\n',
    );
  });
});
