// GitHub Actions workflow-command annotations: errors first, then warnings, at most 10 of each
// (GitHub's per-step limit); findings beyond that are printed as plain log lines and a final
// notice says how many were not annotated. Escaping follows actions/toolkit's command.ts.

import type { Diagnostic } from '../diagnostics.js';
import { boundedText, plural, printable } from './text.js';
import type { ReportInput } from './types.js';

/** GitHub shows at most this many error and this many warning annotations per step. */
export const MAX_ANNOTATIONS_PER_SEVERITY = 10;

export function formatGithub(input: ReportInput): string {
  const errors = input.diagnostics.filter((d) => d.severity === 'error');
  const warnings = input.diagnostics.filter((d) => d.severity === 'warning');
  const annotated = [
    ...errors.slice(0, MAX_ANNOTATIONS_PER_SEVERITY),
    ...warnings.slice(0, MAX_ANNOTATIONS_PER_SEVERITY),
  ];
  const cut = [
    ...errors.slice(MAX_ANNOTATIONS_PER_SEVERITY),
    ...warnings.slice(MAX_ANNOTATIONS_PER_SEVERITY),
  ];
  const lines = annotated.map(annotation);
  if (cut.length > 0) {
    lines.push(...cut.map(logLine));
    lines.push(
      `::notice::${escapeData(`topodoc: ${plural(cut.length, 'finding')} not annotated (GitHub shows at most ${MAX_ANNOTATIONS_PER_SEVERITY} errors and ${MAX_ANNOTATIONS_PER_SEVERITY} warnings per step); all are listed in the log above.`)}`,
    );
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

function annotation(d: Diagnostic): string {
  const { start, end } = d.range;
  const properties = [
    `file=${escapeProperty(d.file)}`,
    `line=${start.line}`,
    `col=${start.column}`,
    `endLine=${end.line}`,
    `endColumn=${end.column}`,
    `title=${escapeProperty(d.ruleId)}`,
  ].join(',');
  const message =
    d.hint === undefined ? boundedText(d.message) : `${boundedText(d.message)}\nHint: ${boundedText(d.hint)}`;
  return `::${d.severity} ${properties}::${escapeData(message)}`;
}

/**
 * A finding beyond the annotation limit, as a plain line that GitHub does not interpret: it starts
 * with `topodoc: `, so a file named `::stop-commands::x.topo` cannot turn it into a workflow command.
 */
function logLine(d: Diagnostic): string {
  const { line, column } = d.range.start;
  return `topodoc: ${printable(d.file)}:${line}:${column}: ${d.severity}: ${boundedText(d.message)} [${d.ruleId}]`;
}

/** Message escaping of actions/toolkit (`%` first). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property escaping of actions/toolkit: the message escapes plus `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
