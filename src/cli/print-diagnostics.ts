// Problems found while reading an input, printed as `stylish` on standard error, so that standard
// output holds only what the command produces (import's .topo, diff's report).

import type { Diagnostic } from '../diagnostics.js';
import { type ToolIo, useColor } from '../pipeline/io.js';
import { toolVersion } from '../pipeline/version.js';
import { ruleCatalog } from '../report/catalog.js';
import { formatReport } from '../report/index.js';

export function printDiagnostics(
  diagnostics: readonly Diagnostic[],
  sources: Map<string, string>,
  io: ToolIo,
): void {
  if (diagnostics.length === 0) return;
  io.stderr.write(
    formatReport('stylish', {
      diagnostics: [...diagnostics],
      sources,
      files: [...sources.keys()],
      rules: ruleCatalog(),
      toolVersion: toolVersion(),
      color: useColor(io, io.stderr),
    }),
  );
}
