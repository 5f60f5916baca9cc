// Standard input as text for the commands that accept `-`: decoded strictly, so a command can
// refuse invalid UTF-8 from stdin exactly as it refuses the same bytes in a file.

import { type DecodedText, decodeUtf8 } from '../model/utf8.js';
import type { ToolIo } from '../pipeline/io.js';

/** Stdin decoded as UTF-8; `invalidAt` marks the first invalid sequence (text already decoded has none). */
export async function readStdinText(io: ToolIo): Promise<DecodedText> {
  const input = await io.readStdin();
  return typeof input === 'string' ? { text: input } : decodeUtf8(input);
}
