#!/usr/bin/env node
// The `topodoc` executable: wires the real process into a ToolIo and sets the exit code.

import { UserError } from '../errors.js';
import { readInputStream } from '../fs/read-input.js';
import { fileErrorReason } from '../fs/reason.js';
import type { OutputStream, ToolIo } from '../pipeline/io.js';
import { run } from './main.js';

function stream(target: NodeJS.WriteStream): OutputStream {
  return {
    write: (text) => {
      target.write(text);
    },
    get isTTY() {
      return target.isTTY === true;
    },
    get columns() {
      return target.columns;
    },
  };
}

async function readStdin(): Promise<Uint8Array> {
  try {
    return await readInputStream(process.stdin);
  } catch (error) {
    throw new UserError(`Cannot read standard input: ${fileErrorReason(error)}.`);
  }
}

// `topodoc check | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

/**
 * Installed only when a command asks for the signal (`watch`), so Ctrl-C still ends every other
 * command at once: the first interrupt lets `watch` close its browser and exit 0, a second exits.
 */
let interrupted: AbortController | undefined;
function interruptSignal(): AbortSignal {
  if (interrupted === undefined) {
    const controller = new AbortController();
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        controller.abort();
        process.once(signal, () => process.exit(130));
      });
    }
    interrupted = controller;
  }
  return interrupted.signal;
}

const io: ToolIo = {
  cwd: process.cwd(),
  env: process.env,
  stdout: stream(process.stdout),
  stderr: stream(process.stderr),
  readStdin,
};
// Not enumerable: a command that copies io (`{ ...io, stderr }`) must not install the handlers
// meant for `watch` (build did, and its first Ctrl-C then only killed the browser).
Object.defineProperty(io, 'signal', { get: interruptSignal, enumerable: false });

process.exitCode = await run(process.argv.slice(2), io);
