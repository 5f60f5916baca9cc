// Runs `topodoc build` with the real process streams: the child process of the determinism test.

import { command } from '../../src/cli/commands/build.js';

const write = (stream: NodeJS.WriteStream) => ({
  write: (text: string) => void stream.write(text),
  isTTY: stream.isTTY === true,
  columns: stream.columns,
});

process.exitCode = await command.run(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: write(process.stdout),
  stderr: write(process.stderr),
  readStdin: async () => '',
});
