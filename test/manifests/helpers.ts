// Helpers for the manifest tests: the CLI run in a folder, and manifest text read in memory.

import { type ManifestRead, readManifests } from '../../src/manifests/index.js';

export { cli as cliIn } from '../cli/cli.js';

/** Reads one manifest text named `file` (default `m.yaml`). */
export function readText(text: string, file = 'm.yaml'): ManifestRead {
  return readManifests([{ file, text }]);
}

/** `line:col message [rule]` of each finding, for compact assertions. */
export function findings(read: Pick<ManifestRead, 'diagnostics'>): string[] {
  return read.diagnostics.map(
    (d) => `${d.range.start.line}:${d.range.start.column} ${d.severity} ${d.message} [${d.ruleId}]`,
  );
}
