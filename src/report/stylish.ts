// The default human format: findings grouped by file, each with its code frame, related
// locations and hint, then one summary line; colour only when the input asks for it.

import type { Diagnostic } from '../diagnostics.js';
import { codeFrame } from './code-frame.js';
import { type Palette, palette } from './color.js';
import {
  boundedText,
  type CappedGroup,
  countSeverities,
  groupByFileCapped,
  plural,
  printable,
} from './text.js';
import type { ReportInput } from './types.js';

const SEVERITY_WIDTH = 'warning'.length;

export function formatStylish(input: ReportInput): string {
  if (input.diagnostics.length === 0) return '';
  const colors = palette(input.color);
  const blocks = groupByFileCapped(input.diagnostics).map((group) => fileBlock(group, input, colors));
  return `${[...blocks, summary(input.diagnostics, colors)].join('\n\n')}\n`;
}

function fileBlock(group: CappedGroup, input: ReportInput, colors: Palette): string {
  const positionWidth = Math.max(...group.shown.map((d) => position(d).length));
  const source = input.sources.get(group.file);
  const findings = group.shown.map((d) => finding(d, source, positionWidth, colors).join('\n'));
  const omitted = group.omitted.map(
    ([rule, count]) => `  … ${plural(count, `more ${rule} finding`)} in this file not shown`,
  );
  return `${colors.underline(printable(group.file))}\n${[...findings, ...omitted].join('\n\n')}`;
}

function finding(
  d: Diagnostic,
  source: string | undefined,
  positionWidth: number,
  colors: Palette,
): string[] {
  const severity = d.severity === 'error' ? colors.red : colors.yellow;
  const head = `  ${colors.dim(position(d).padEnd(positionWidth))}  ${severity(d.severity.padEnd(SEVERITY_WIDTH))}  ${boundedText(d.message)}  ${colors.dim(d.ruleId)}`;
  const frame = codeFrame(source, d.range, colors, severity).map((line) => `    ${line}`);
  const related = (d.related ?? []).map(
    (r) =>
      `    ${colors.dim('related:')} ${boundedText(r.message)} (${printable(r.file)}:${r.range.start.line}:${r.range.start.column})`,
  );
  const hint = d.hint === undefined ? [] : [`    ${colors.dim('hint:')} ${boundedText(d.hint)}`];
  return [head, ...frame, ...related, ...hint];
}

function position(d: Diagnostic): string {
  return `${d.range.start.line}:${d.range.start.column}`;
}

function summary(diagnostics: readonly Diagnostic[], colors: Palette): string {
  const { errors, warnings } = countSeverities(diagnostics);
  const text = `✖ ${plural(errors + warnings, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
  return colors.bold(errors > 0 ? colors.red(text) : colors.yellow(text));
}
