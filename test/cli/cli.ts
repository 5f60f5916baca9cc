// Runs the CLI in-process in a fresh copy of the CLI fixtures, capturing output and exit code.

import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main.js';
import { type FakeIoOptions, fakeIo } from '../helpers/io.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/cli/workspace');

/** A temporary directory holding the fixture .topo files (no config above it). */
export function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'topodoc-cli-'));
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
