// The program's own help text: usage, the commands with their summaries, global options, and
// where the language reference is.

import { fileURLToPath } from 'node:url';

/** docs/language.md of the installed package (it ships in `files`), from src/cli or dist/cli alike. */
export const LANGUAGE_REFERENCE = fileURLToPath(new URL('../../docs/language.md', import.meta.url));

export interface CommandSummary {
  name: string;
  summary: string;
}

export function programHelp(commands: readonly CommandSummary[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const rows = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'Usage: topodoc <command> [options]',
    '',
    'Document system topologies as code: check .topo files and render them to ASCII, Mermaid, SVG and Markdown.',
    '',
    'Commands:',
    ...rows,
    '',
    'Options:',
    '  -h, --help     show this help',
    '  --version      print the version',
    '',
    'Run `topodoc <command> --help` for the options of a command.',
    `The .topo language, every block and property with an example: ${LANGUAGE_REFERENCE}`,
    '',
  ].join('\n');
}
