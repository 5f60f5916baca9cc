// Argument parsing for every subcommand: node:util parseArgs in strict mode, with its errors
// turned into one-sentence UserErrors and `--help` handled in one place.

import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UserError } from '../errors.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs<V> {
  values: V;
  positionals: string[];
  help: boolean;
}

/**
 * Parses `argv` against `options` (a `help` flag is added). Unknown flags, missing values and
 * stray positionals (when `allowPositionals` is false) become a UserError naming the command.
 */
export function parseCommandArgs<V = Record<string, string | boolean | string[] | undefined>>(
  command: string,
  argv: string[],
  options: OptionSpec,
  allowPositionals = true,
): ParsedArgs<V> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals,
      strict: true,
    });
    const { help, ...rest } = values as Record<string, unknown>;
    return { values: rest as V, positionals, help: help === true };
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
    throw new UserError(
      `topodoc ${command}: ${message.replace(/\.$/, '')}. Run \`topodoc ${command} --help\`.`,
    );
  }
}

/** Parses a positive integer flag value or throws a UserError naming the flag. */
export function parsePositiveInt(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d{1,6}$/.test(value) || Number(value) < 1) {
    throw new UserError(`--${flag} expects a positive whole number, got "${value}".`);
  }
  return Number(value);
}
