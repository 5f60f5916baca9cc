// The outside world as the commands see it (cwd, env, streams, stdin, interrupt), injected so that
// build, watch and the CLI run in-process in tests.

export interface OutputStream {
  write(text: string): void;
  isTTY: boolean;
  columns?: number;
}

export interface ToolIo {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: OutputStream;
  stderr: OutputStream;
  /** Standard input: the bytes as read (the CLI), or text already decoded (a library caller). */
  readStdin(): Promise<string | Uint8Array>;
  /** Aborted when the user interrupts (Ctrl-C); long-running commands (`watch`) stop cleanly. */
  signal?: AbortSignal;
}

/** A subcommand: parses its own arguments, returns the exit code. Throws UserError for usage errors. */
export type CommandRun = (argv: string[], io: ToolIo) => Promise<number>;

/** Colour only on a TTY and never when NO_COLOR is set (https://no-color.org). */
export function useColor(io: ToolIo, stream: OutputStream = io.stdout): boolean {
  return stream.isTTY && !io.env.NO_COLOR;
}

/** Progress output only on a TTY outside CI. */
export function showProgress(io: ToolIo): boolean {
  return io.stderr.isTTY && !io.env.CI;
}
