// ESLint-shaped JSON: one entry per checked file (clean ones too), every finding, nothing capped.

import { compareStrings, type Diagnostic } from '../diagnostics.js';
import type { ReportInput } from './types.js';

interface JsonMessage {
  ruleId: string;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  messageId?: string;
  fatal?: true;
}

interface JsonFileResult {
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: 0;
  fixableWarningCount: 0;
}

export function formatJson(input: ReportInput): string {
  const byFile = new Map<string, Diagnostic[]>();
  for (const file of input.files) byFile.set(file, []);
  for (const d of input.diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  const results = [...byFile]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([file, diagnostics]) => fileResult(file, diagnostics));
  return `${JSON.stringify(results, null, 2)}\n`;
}

function fileResult(filePath: string, diagnostics: readonly Diagnostic[]): JsonFileResult {
  const messages = diagnostics.map(message);
  return {
    filePath,
    messages,
    errorCount: messages.filter((m) => m.severity === 2).length,
    fatalErrorCount: messages.filter((m) => m.fatal).length,
    warningCount: messages.filter((m) => m.severity === 1).length,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
  };
}

function message(d: Diagnostic): JsonMessage {
  return {
    ruleId: d.ruleId,
    severity: d.severity === 'error' ? 2 : 1,
    message: d.message,
    line: d.range.start.line,
    column: d.range.start.column,
    endLine: d.range.end.line,
    endColumn: d.range.end.column,
    ...(d.messageId === undefined ? {} : { messageId: d.messageId }),
    ...(d.ruleId === 'syntax' ? { fatal: true as const } : {}),
  };
}
