// Identical input gives byte-identical .md and .mmd whatever the time zone, locale or terminal
// width of the process that builds them (outputs.md §3): two real CLI runs in child processes.

import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { project } from './helpers.js';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');
const CHILD = join(import.meta.dirname, 'build-child.ts');
/** Examples without rule errors, small enough to keep the test quick. */
const INPUTS = [
  'examples/node.topo',
  'examples/node-with-pods.topo',
  'examples/pod.topo',
  'examples/process-tree.topo',
];

/** The outputs, and how the child saw its environment (locale, time zone, local hour of the epoch). */
async function buildIn(
  outDir: string,
  env: Record<string, string>,
): Promise<{ files: Record<string, string>; environment: string }> {
  const { stderr } = await run(
    process.execPath,
    ['--import', 'tsx', CHILD, ...INPUTS, '-o', outDir, '--svg', 'off'],
    { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } },
  );
  const files = Object.fromEntries(
    readdirSync(outDir).map((name) => [name, readFileSync(join(outDir, name), 'utf8')]),
  );
  return { files, environment: /^environment: (.*)$/m.exec(stderr)?.[1] ?? '' };
}

describe('determinism', () => {
  it('builds byte-identical documents under different TZ, LANG and COLUMNS', async () => {
    const [first, second] = await Promise.all([
      buildIn(join(project(), 'out'), { TZ: 'UTC', LANG: 'C', COLUMNS: '80' }),
      buildIn(join(project(), 'out'), {
        TZ: 'Pacific/Kiritimati',
        LANG: 'tr_TR.UTF-8',
        LC_ALL: 'tr_TR.UTF-8',
        COLUMNS: '37',
      }),
    ]);
    expect(first.environment).toBe('en-US UTC 0');
    expect(second.environment).toBe('tr-TR Pacific/Kiritimati 13');
    expect(Object.keys(first.files).sort()).toEqual(
      INPUTS.flatMap((input) => {
        const name = input.replace(/^examples\/(.*)\.topo$/, '$1');
        return [`${name}.md`, `${name}.mmd`];
      }).sort(),
    );
    expect(second.files).toEqual(first.files);
  }, 120_000);
});
