// The one-line-per-finding format for editors and grep: `file:line:col: severity: message [rule]`.

import { boundedText, groupByFileCapped, plural, printable } from './text.js';
import type { ReportInput } from './types.js';

export function formatUnix(input: ReportInput): string {
  const lines: string[] = [];
  for (const group of groupByFileCapped(input.diagnostics)) {
    for (const d of group.shown) {
      const { line, column } = d.range.start;
      lines.push(
        `${printable(d.file)}:${line}:${column}: ${d.severity}: ${boundedText(d.message)} [${d.ruleId}]`,
      );
    }
    for (const [rule, count] of group.omitted) {
      lines.push(`${printable(group.file)}: … ${plural(count, `more ${rule} finding`)} not shown`);
    }
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
