// Reading what a user points topodoc at (sources, imports, manifests, Markdown): regular files
// only, so a FIFO cannot hang a run and /dev/zero cannot fill memory, and at most MAX_INPUT_BYTES.

import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

/** The most topodoc reads from one input file or from standard input. */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

/** What fileErrorReason says for the two refusals below. */
export const NOT_REGULAR = 'ENOTREGULAR';
export const TOO_LARGE = 'ETOOLARGE';

function refusal(code: string, message: string, limit?: number): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code, limit });
}

/** The limit a TOO_LARGE refusal was measured against, in MiB. */
export function limitInMiB(error: unknown): number {
  const limit = typeof error === 'object' && error !== null && 'limit' in error ? Number(error.limit) : NaN;
  return Math.ceil((Number.isFinite(limit) ? limit : MAX_INPUT_BYTES) / 2 ** 20);
}

/**
 * The bytes of the regular file at `path`. Opening never blocks (a FIFO opens and is then refused);
 * throws with code NOT_REGULAR, TOO_LARGE, EISDIR or the system's code.
 */
export async function readInputFile(path: string, maxBytes = MAX_INPUT_BYTES): Promise<Uint8Array> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw refusal('EISDIR', `${path} is a directory`);
    if (!info.isFile()) throw refusal(NOT_REGULAR, `${path} is not a regular file`);
    if (info.size > maxBytes) throw refusal(TOO_LARGE, `${path} is larger than ${maxBytes} bytes`, maxBytes);
    // The size can grow while it is read: read one byte past the limit at most.
    const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
    let filled = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
      if (filled === buffer.length) {
        if (filled > maxBytes) throw refusal(TOO_LARGE, `${path} is larger than ${maxBytes} bytes`, maxBytes);
        break;
      }
    }
    return buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

/** Collects a stream (standard input) up to `maxBytes`; past it, throws with code TOO_LARGE. */
export async function readInputStream(
  stream: AsyncIterable<Uint8Array>,
  maxBytes = MAX_INPUT_BYTES,
): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += chunk.length;
    if (total > maxBytes)
      throw refusal(TOO_LARGE, `standard input is larger than ${maxBytes} bytes`, maxBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
