// Argument parsing for every subcommand: node:util parseArgs in strict mode, with its errors
// turned into one-sentence UserErrors and `--help` handled in one place.

import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UserError } from '../errors.js';
import { closestMatch } from '../text/suggest.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** The values parseArgs yields for `options`: a string or boolean per flag, an array when `multiple`. */
export type OptionValues<O extends OptionSpec> = {
  -readonly [K in keyof O]?: O[K] extends { type: 'boolean' }
    ? O[K] extends { multiple: true }
      ? boolean[]
      : boolean
    : O[K] extends { multiple: true }
      ? string[]
      : string;
};

export interface ParsedArgs<V> {
  values: V;
  positionals: string[];
  help: boolean;
}

/**
 * Parses `argv` against `options` (a `help` flag is added). Unknown flags, missing values and
 * stray positionals (when `allowPositionals` is false) become a UserError naming the command.
 */
export function parseCommandArgs<const O extends OptionSpec>(
  command: string,
  argv: string[],
  options: O,
  allowPositionals = true,
): ParsedArgs<OptionValues<O>> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals,
      strict: true,
    });
    const { help, ...rest } = values as Record<string, unknown>;
    return { values: rest as OptionValues<O>, positionals, help: help === true };
  } catch (error) {
    throw new UserError(
      `topodoc ${command}: ${usageProblem(error, options)}. Run \`topodoc ${command} --help\`.`,
    );
  }
}

/** node:util's parseArgs messages run to several sentences; this is one clause naming the flag. */
function usageProblem(error: unknown, options: OptionSpec): string {
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  const code = (error as NodeJS.ErrnoException).code;
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const flags = Object.entries(options).map(([name]) => `--${name}`);
    const match = quoted.startsWith('--') ? closestMatch(quoted, flags) : undefined;
    return `unknown option ${quoted}${match === undefined ? '' : ` (did you mean ${match}?)`}`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `unexpected argument "${quoted}"`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const flag = quoted.replace(/ <value>$/, '');
    if (message.endsWith('argument missing')) return `${flag} needs a value`;
    if (message.endsWith('does not take an argument')) return `${flag} takes no value`;
  }
  return message.replace(/\.$/, '');
}

/** Parses a positive integer flag value or throws a UserError naming the flag. */
export function parsePositiveInt(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d{1,6}$/.test(value) || Number(value) < 1) {
    throw new UserError(`--${flag} expects a positive whole number, got "${value}".`);
  }
  return Number(value);
}
