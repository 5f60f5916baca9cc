// The names of the output formats, apart from the formatters: what `--format` accepts, and which
// formats say nothing about a clean run (so a command need not load the formatters for one).

import type { FormatName } from './types.js';

export const FORMAT_NAMES: readonly FormatName[] = ['stylish', 'unix', 'json', 'sarif', 'github'];

export function isFormatName(name: string): name is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}

/** The formats whose report of no findings is empty (JSON and SARIF still list the files and rules). */
export const EMPTY_WHEN_CLEAN: ReadonlySet<FormatName> = new Set(['stylish', 'unix', 'github']);
