// Runs `topodoc build` with the real process streams: the child process of the determinism test.

import { run } from '../../src/cli/commands/build-cached.js';

// What the determinism test varies, as this process sees it: proof that the variation took effect.
const { locale, timeZone } = Intl.DateTimeFormat().resolvedOptions();
process.stderr.write(`environment: ${locale} ${timeZone} ${new Date(0).getHours()}\n`);

const write = (stream: NodeJS.WriteStream) => ({
  write: (text: string) => void stream.write(text),
  isTTY: stream.isTTY === true,
  columns: stream.columns,
});

process.exitCode = await run(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: write(process.stdout),
  stderr: write(process.stderr),
  readStdin: async () => '',
});
