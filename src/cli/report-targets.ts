// Where each report of `topodoc check` goes: `--format` / `-o` pairs taken in command-line order
// (each -o belongs to the --format before it; a format without -o goes to stdout, at most one).

import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UserError } from '../errors.js';
import { FORMAT_NAMES, isFormatName } from '../report/formats.js';
import type { FormatName } from '../report/types.js';
import { didYouMean } from '../text/suggest.js';
import type { OptionSpec } from './args.js';

export const REPORT_OPTIONS = {
  format: { type: 'string', short: 'f', multiple: true },
  output: { type: 'string', short: 'o', multiple: true },
} as const satisfies OptionSpec;

export interface OutputTarget {
  format: FormatName;
  /** As given on the command line; undefined for stdout. */
  file?: string;
}

/**
 * The report targets of `argv` (already validated by parseCommandArgs with `options`). With no
 * --format: stylish, to stdout or to the one -o. One --format and one -o pair in either order.
 */
export function outputTargets(argv: string[], options: OptionSpec, cwd: string): OutputTarget[] {
  const { tokens } = parseArgs({
    args: argv,
    options: { ...options, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
    tokens: true,
  });
  const optionTokens = tokens.filter((t) => t.kind === 'option') as { name: string; value?: string }[];
  const flags = optionTokens
    .filter((t) => t.name === 'format' || t.name === 'output')
    .map((t) => ({ name: t.name, value: t.value ?? '' }));
  const formats = flags.filter((f) => f.name === 'format').map((f) => formatName(f.value));
  const outputs = flags.filter((f) => f.name === 'output').map((f) => f.value);
  let targets: OutputTarget[];
  if (formats.length <= 1 && outputs.length <= 1) {
    targets = [
      { format: formats[0] ?? 'stylish', ...(outputs[0] === undefined ? {} : { file: outputs[0] }) },
    ];
  } else {
    targets = pairInOrder(flags);
  }
  checkDestinations(targets, cwd);
  return targets;
}

function pairInOrder(flags: { name: string; value: string }[]): OutputTarget[] {
  const targets: OutputTarget[] = [];
  for (const flag of flags) {
    if (flag.name === 'format') {
      targets.push({ format: formatName(flag.value) });
      continue;
    }
    const last = targets.at(-1);
    if (last === undefined || last.file !== undefined) {
      throw new UserError(
        `-o ${flag.value} has no --format before it; write each report as --format NAME -o FILE.`,
      );
    }
    last.file = flag.value;
  }
  return targets;
}

function checkDestinations(targets: OutputTarget[], cwd: string): void {
  const toStdout = targets.filter((t) => t.file === undefined);
  if (toStdout.length > 1) {
    throw new UserError(
      `Only one report can go to stdout, but ${toStdout.map((t) => t.format).join(' and ')} have no -o FILE.`,
    );
  }
  const seen = new Set<string>();
  for (const { file } of targets) {
    if (file === undefined) continue;
    const key = resolve(cwd, file);
    if (seen.has(key)) throw new UserError(`Two reports are written to ${file}; give each its own -o FILE.`);
    seen.add(key);
  }
}

function formatName(value: string): FormatName {
  if (isFormatName(value)) return value;
  throw new UserError(
    `Unknown format "${value}"${didYouMean(value, FORMAT_NAMES) || `; use one of ${FORMAT_NAMES.join(', ')}.`}`,
  );
}
