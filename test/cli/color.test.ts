// Colour only on a terminal and never with NO_COLOR (outputs.md §1), for every command that prints
// findings: check on stdout, build and render on stderr.

import { describe, expect, it } from 'vitest';
import { cli, workspace } from './cli.js';

const ESC = '\u001B[';

const COMMANDS: [string, string[], 'stdout' | 'stderr'][] = [
  ['check', ['check', 'errors.topo'], 'stdout'],
  ['build', ['build', '--svg', 'off', 'errors.topo'], 'stderr'],
  ['render', ['render', 'errors.topo'], 'stderr'],
];

describe('colour', () => {
  const dir = workspace();

  it.each(COMMANDS)(
    '%s colours findings on a terminal only, and never with NO_COLOR',
    async (_name, argv, stream) => {
      const tty = await cli(dir, argv, { isTTY: true, env: { PATH: '', CI: '1' } });
      expect(tty.code).toBe(1);
      expect(tty[stream]).toContain(`${ESC}31m`);
      const noColor = await cli(dir, argv, { isTTY: true, env: { PATH: '', CI: '1', NO_COLOR: '1' } });
      expect(noColor[stream]).toContain('pod-port-conflict');
      expect(noColor.stdout + noColor.stderr).not.toContain(ESC);
      const pipe = await cli(dir, argv, { isTTY: false, env: { PATH: '' } });
      expect(pipe[stream]).toContain('pod-port-conflict');
      expect(pipe.stdout + pipe.stderr).not.toContain(ESC);
    },
  );
});
