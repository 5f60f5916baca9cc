// Runs the CLI in-process in a fresh copy of the CLI fixtures, capturing output and exit code.

import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { run } from '../../src/cli/main.js';
import { type FakeIoOptions, fakeIo } from '../helpers/io.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/cli/workspace');

const made: string[] = [];

afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temporary directory holding the fixture .topo files (no config above it); removed after the test file. */
export function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'topodoc-cli-'));
  made.push(dir);
  cpSync(FIXTURES, dir, { recursive: true });
  return dir;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(cwd: string, argv: string[], options: FakeIoOptions = {}): Promise<CliResult> {
  const fake = fakeIo({ cwd, ...options });
  const code = await run(argv, fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}
