// The README shows real output: the stylish report of the broken example is what `check` prints
// today, and the README opens with the two set-up commands CI relies on.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { fakeIo } from '../helpers/io.js';

const ROOT = join(import.meta.dirname, '../..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const COMMAND = 'topodoc check examples/broken/*.topo --format stylish';

describe('README', () => {
  it('opens with the two commands: the main job and the tests', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(README)?.[1] ?? '';
    expect(firstBlock.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^bash scripts\/setup\.sh && npm run gallery\b/),
      expect.stringMatching(/^bash scripts\/setup\.sh && npm test\b/),
    ]);
  });

  it('links the language reference', () => {
    expect(README).toContain('[`docs/language.md`](docs/language.md)');
  });

  it('shows the current output of the manifests check', async () => {
    const command = 'topodoc check test/fixtures/manifests/cases/workloads-and-services/input --format unix';
    const shown = new RegExp(`\\$ ${command.replace(/[*.]/g, '\\$&')}\\n([\\s\\S]*?)\\n\`\`\``).exec(
      README,
    )?.[1];
    const fake = fakeIo({ cwd: ROOT });
    await run(command.split(' ').slice(1), fake.io);
    expect(shown).toBe(fake.stdout().trimEnd());
  });

  it(`shows the current output of \`${COMMAND}\``, async () => {
    const shown = new RegExp(`\\$ ${COMMAND.replace(/[*.]/g, '\\$&')}\\n([\\s\\S]*?)\\n\`\`\``).exec(
      README,
    )?.[1];
    expect(shown).toBeDefined();
    const fake = fakeIo({ cwd: ROOT });
    const code = await run(['check', 'examples/broken/broken-cluster.topo', '--format', 'stylish'], fake.io);
    expect(code).toBe(1);
    expect(shown).toBe(fake.stdout().trimEnd());
  });
});
