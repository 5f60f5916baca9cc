// One status line on stderr that rewrites itself while a build runs: only on a terminal outside
// CI (showProgress), so logs stay quiet.

import { showProgress, type ToolIo } from '../pipeline/io.js';

export interface Progress {
  update(text: string): void;
  /** Clears the line, so what follows starts on a clean line. */
  done(): void;
}

const CLEAR_LINE = '\r\u001b[K';

export function createProgress(io: ToolIo): Progress {
  if (!showProgress(io)) return { update: () => undefined, done: () => undefined };
  let shown = false;
  return {
    update(text) {
      const width = (io.stderr.columns ?? 80) - 1;
      io.stderr.write(`${CLEAR_LINE}${[...text].slice(0, width).join('')}`);
      shown = true;
    },
    done() {
      if (shown) io.stderr.write(CLEAR_LINE);
      shown = false;
    },
  };
}
