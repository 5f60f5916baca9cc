// A fake ToolIo for running commands in-process: captured stdout/stderr, a chosen cwd, env,
// TTY-ness and stdin text.

import type { OutputStream, ToolIo } from '../../src/pipeline/io.js';

export interface FakeIoOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** Both streams claim to be terminals (colour, progress). Default false. */
  isTTY?: boolean;
  /** What readStdin returns: text, or bytes as the CLI reads them. Default ''. */
  stdin?: string | Uint8Array;
  columns?: number;
}

export interface FakeIo {
  io: ToolIo;
  stdout(): string;
  stderr(): string;
}

export function fakeIo(options: FakeIoOptions = {}): FakeIo {
  const out: string[] = [];
  const err: string[] = [];
  const stream = (sink: string[]): OutputStream => ({
    write: (text: string) => {
      sink.push(text);
    },
    isTTY: options.isTTY ?? false,
    ...(options.columns === undefined ? {} : { columns: options.columns }),
  });
  return {
    io: {
      cwd: options.cwd ?? process.cwd(),
      env: options.env ?? {},
      stdout: stream(out),
      stderr: stream(err),
      readStdin: async () => options.stdin ?? '',
    },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}
