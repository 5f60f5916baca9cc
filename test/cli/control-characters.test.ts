// No control character from user text reaches the terminal: marker attributes echoed by embed,
// paths and arguments quoted in one-sentence errors.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { fakeIo } from '../helpers/io.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters the output must not hold
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E]/;
const CLEAR_SCREEN = '\u001B[2J\u001B[H';

async function topodoc(cwd: string, ...args: string[]) {
  const fake = fakeIo({ cwd });
  const code = await run(args, fake.io);
  return { code, out: fake.stdout() + fake.stderr() };
}

describe('terminal output', () => {
  it('embed shows a marker attribute with escape sequences without them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'topodoc-controls-'));
    writeFileSync(join(dir, 'package.json'), '{"name": "controls", "private": true}\n');
    writeFileSync(
      join(dir, 'doc.md'),
      `<!-- topodoc:begin src=x.topo view="${CLEAR_SCREEN}evil" -->\n<!-- topodoc:end -->\n`,
    );
    const result = await topodoc(dir, 'embed', 'doc.md');
    expect(result.code).toBe(1);
    expect(result.out).toContain('evil');
    expect(result.out.replace(/\n/g, '')).not.toMatch(CONTROLS);
  });

  it('a missing file whose name holds escape sequences is named without them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'topodoc-controls-'));
    const result = await topodoc(dir, 'check', `${CLEAR_SCREEN}x.topo`);
    expect(result.code).toBe(2);
    expect(result.out).toContain('x.topo');
    expect(result.out.replace(/\n/g, '')).not.toMatch(CONTROLS);
  });
});
