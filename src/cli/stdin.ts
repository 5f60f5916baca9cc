// Standard input as text for the commands that accept `-`: decoded strictly, so a command can
// refuse invalid UTF-8 from stdin exactly as it refuses the same bytes in a file.

import { type DecodedText, decodeUtf8 } from '../model/utf8.js';
import { type Analysis, type AnalyzeOptions, analyzeFile, analyzeText } from '../pipeline/analyze.js';
import type { ToolIo } from '../pipeline/io.js';

/** The name standard input goes by in messages and reports. */
export const STDIN_NAME = '<stdin>';

/** Stdin decoded as UTF-8; `invalidAt` marks the first invalid sequence (text already decoded has none). */
export async function readStdinText(io: ToolIo): Promise<DecodedText> {
  const input = await io.readStdin();
  return typeof input === 'string' ? { text: input } : decodeUtf8(input);
}

/** The analysis of `file`, or of standard input when it is `-` (check -, render -). */
export async function analyzeInput(file: string, io: ToolIo, options: AnalyzeOptions): Promise<Analysis> {
  if (file !== '-') return analyzeFile(file, options);
  return analyzeText((await readStdinText(io)).text, STDIN_NAME, options);
}
