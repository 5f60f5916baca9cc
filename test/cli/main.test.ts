// The program entry: --help, --version, `help CMD`, unknown commands, and every command's --help.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/main.js';
import { cli } from './cli.js';

const cwd = process.cwd();

describe('topodoc', () => {
  it('--help lists every command with its summary', async () => {
    const { code, stdout, stderr } = await cli(cwd, ['--help']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^Usage: topodoc <command>/);
    for (const name of ['build', 'check', 'render', 'fmt', 'embed', 'watch', 'init']) {
      const command = COMMANDS.find((c) => c.name === name);
      expect(command?.summary.length).toBeGreaterThan(0);
      expect(stdout).toMatch(new RegExp(`^ {2}${name} +${command?.summary}$`, 'm'));
    }
  });

  it('--help names the language reference, a file that exists in the package', async () => {
    const { stdout } = await cli(cwd, ['--help']);
    const path = /^The \.topo language, every block and property with an example: (.+)$/m.exec(stdout)?.[1];
    expect(path).toBe(join(import.meta.dirname, '../../docs/language.md'));
    expect(existsSync(path ?? '')).toBe(true);
  });

  it('--version prints the version of package.json', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(await cli(cwd, ['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('without a command prints the help on stderr and exits 2', async () => {
    const { code, stdout, stderr } = await cli(cwd, []);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^Usage: topodoc <command>/);
  });

  it('suggests the closest command for an unknown one, in one line, exit 2', async () => {
    expect(await cli(cwd, ['chek', 'x.topo'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'Unknown command "chek"; did you mean `check`?\n',
    });
    expect(await cli(cwd, ['frobnicate'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'Unknown command "frobnicate"; run `topodoc --help` for the list of commands.\n',
    });
    expect((await cli(cwd, ['--verbose'])).stderr).toBe(
      'Unknown option "--verbose"; run `topodoc --help` for the list of commands.\n',
    );
  });

  it('`help CMD` is `CMD --help`', async () => {
    const viaHelp = await cli(cwd, ['help', 'check']);
    expect(viaHelp.code).toBe(0);
    expect(viaHelp).toEqual(await cli(cwd, ['check', '--help']));
    expect((await cli(cwd, ['help'])).stdout).toBe((await cli(cwd, ['--help'])).stdout);
  });

  it.each(['build', 'check', 'render', 'fmt', 'embed', 'watch', 'init'])(
    '%s --help prints its usage and exits 0',
    async (name) => {
      for (const flag of ['--help', '-h']) {
        const { code, stdout, stderr } = await cli(cwd, [name, flag]);
        expect(code).toBe(0);
        expect(stderr).toBe('');
        expect(stdout).toContain(`topodoc ${name}`);
      }
    },
  );

  it('names the command in an unknown-flag error, exit 2', async () => {
    const { code, stdout, stderr } = await cli(cwd, ['check', '--frobnicate', 'x.topo']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^topodoc check: .*--frobnicate.*Run `topodoc check --help`\.\n$/);
  });
});
