// `topodoc fmt FILES…`: rewrites .topo files in the canonical layout (atomically), `--check` lists
// the files that would change, `-` formats stdin to stdout. Files with syntax errors are never written.

import type { Diagnostic, Range } from '../../diagnostics.js';
import { UserError } from '../../errors.js';
import { type FormatResult, format } from '../../fmt/format.js';
import { ONE_LINE_BLOCK_WIDTH } from '../../fmt/print.js';
import { writeFileAtomic } from '../../fs/atomic.js';
import { displayPath } from '../../fs/display-path.js';
import { readInputFile } from '../../fs/read-input.js';
import { fileErrorReason } from '../../fs/reason.js';
import { looksBinary } from '../../model/binary.js';
import { type DecodedText, decodeUtf8 } from '../../model/utf8.js';
import type { CommandRun, ToolIo } from '../../pipeline/io.js';
import { formatUnix } from '../../report/unix.js';
import { parseCommandArgs } from '../args.js';
import { expandInputs } from '../inputs.js';
import { readStdinText, STDIN_NAME } from '../stdin.js';

const HELP = `Usage: topodoc fmt FILES… [--check]
       topodoc fmt - [--check]

Rewrites .topo files in the canonical layout: 2-space indentation, one statement per line,
properties in the documented order before child blocks, strings quoted one way. A block of
properties written on one line stays on one line while it fits in ${ONE_LINE_BLOCK_WIDTH} columns.
Every comment is kept; a comment above or after a property moves with it when properties are sorted.
A directory means every .topo file below it; globs are accepted. \`-\` reads stdin and writes stdout.
Files with model errors or findings are formatted too; a file with syntax errors is left untouched.

Options:
  --check            write nothing; list the files that would change and exit 1 when any
  -h, --help         show this help

Exit codes: 0 formatted (or already formatted), 1 syntax errors or files to format (--check),
2 bad usage or unreadable file.
`;

const run: CommandRun = async (argv, io) => {
  const args = parseCommandArgs('fmt', argv, { check: { type: 'boolean' } });
  if (args.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const check = args.values.check === true;
  if (args.positionals.length === 0) {
    throw new UserError('topodoc fmt needs at least one .topo file, directory or glob (or - for stdin).');
  }
  if (args.positionals.includes('-')) {
    if (args.positionals.length > 1)
      throw new UserError('topodoc fmt reads stdin (-) alone, not with files.');
    return formatStdin(io, check);
  }
  const files = await expandInputs(args.positionals, io.cwd, '.topo file', '**/*.topo');
  let failed = false;
  for (const file of files) {
    const shown = displayPath(io.cwd, file);
    const bytes = await readSource(file, shown);
    // Like every other command: a binary file is unreadable input (exit 2), not a syntax error.
    if (looksBinary(bytes))
      throw new UserError(`Cannot read ${shown}: it looks like a binary file, not UTF-8 text.`);
    const decoded = decodeUtf8(bytes);
    const result = formatDecoded(decoded, shown);
    if (!result.ok) {
      reportSyntaxErrors(io, result.diagnostics);
      failed = true;
      continue;
    }
    if (result.text === decoded.text) continue;
    if (check) failed = true;
    else await writeSource(file, shown, result.text);
    io.stdout.write(`${shown}\n`);
  }
  return failed ? 1 : 0;
};

async function formatStdin(io: ToolIo, check: boolean): Promise<number> {
  const decoded = await readStdinText(io);
  const text = decoded.text;
  const result = formatDecoded(decoded, STDIN_NAME);
  if (!result.ok) {
    reportSyntaxErrors(io, result.diagnostics);
    return 1;
  }
  if (!check) {
    io.stdout.write(result.text);
    return 0;
  }
  if (result.text === text) return 0;
  io.stdout.write(`${STDIN_NAME}\n`);
  return 1;
}

async function readSource(file: string, shown: string): Promise<Uint8Array> {
  try {
    return await readInputFile(file);
  } catch (error) {
    throw new UserError(`Cannot read "${shown}": ${fileErrorReason(error)}.`);
  }
}

async function writeSource(file: string, shown: string, text: string): Promise<void> {
  try {
    await writeFileAtomic(file, text);
  } catch (error) {
    throw new UserError(`Cannot write "${shown}": ${fileErrorReason(error)}.`);
  }
}

/** The formatted text, or the refusal of input that is not UTF-8 (from a file and stdin alike). */
function formatDecoded(decoded: DecodedText, shown: string): FormatResult {
  return decoded.invalidAt === undefined ? format(decoded.text, shown) : notUtf8(shown, decoded.invalidAt);
}

/** Rewriting a file that is not UTF-8 would replace its bytes: it is refused like a syntax error. */
function notUtf8(file: string, range: Range): FormatResult {
  const diagnostic: Diagnostic = {
    file,
    range,
    severity: 'error',
    source: 'parser',
    ruleId: 'syntax',
    message: 'invalid UTF-8 byte sequence; the file must be UTF-8 encoded',
  };
  return { ok: false, diagnostics: [diagnostic] };
}

function reportSyntaxErrors(io: ToolIo, diagnostics: readonly Diagnostic[]): void {
  io.stderr.write(
    formatUnix({ diagnostics, sources: new Map(), files: [], rules: [], toolVersion: '', color: false }),
  );
}

export { run };
