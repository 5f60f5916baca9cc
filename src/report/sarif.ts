// SARIF 2.1.0 as GitHub code scanning ingests it: one run, the whole rule catalog, every finding
// with a relative URI, an exclusive end column in UTF-16 units and a stable fingerprint.

import { compareStrings, type Diagnostic, type FileRange } from '../diagnostics.js';
import { FINGERPRINT_KEY, fingerprints } from './fingerprint.js';
import { REPOSITORY_URL } from './links.js';
import { type SarifRule, sarifRule, unknownRule } from './sarif-rules.js';
import type { ReportInput, RuleDescriptor } from './types.js';

export const SARIF_SCHEMA_URL = 'https://json.schemastore.org/sarif-2.1.0.json';
const SOURCE_ROOT = '%SRCROOT%';

export function formatSarif(input: ReportInput): string {
  const descriptors = withUnknownRules(input.rules, input.diagnostics);
  const ruleIndex = new Map(descriptors.map((rule, index) => [rule.id, index]));
  const hashes = fingerprints(input.diagnostics, input.sources);
  const log = {
    $schema: SARIF_SCHEMA_URL,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'topodoc',
            version: input.toolVersion,
            semanticVersion: input.toolVersion,
            informationUri: REPOSITORY_URL,
            rules: descriptors.map((rule): SarifRule => sarifRule(rule)),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: input.diagnostics.map((d, i) => ({
          ruleId: d.ruleId,
          ruleIndex: ruleIndex.get(d.ruleId),
          level: d.severity,
          message: { text: d.message },
          locations: [{ physicalLocation: physicalLocation(d) }],
          ...relatedLocations(d),
          partialFingerprints: { [FINGERPRINT_KEY]: hashes[i] },
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function withUnknownRules(
  rules: readonly RuleDescriptor[],
  diagnostics: readonly Diagnostic[],
): RuleDescriptor[] {
  const known = new Set(rules.map((rule) => rule.id));
  const extra = [...new Set(diagnostics.map((d) => d.ruleId))]
    .filter((id) => !known.has(id))
    .map(unknownRule);
  return [...rules, ...extra].sort((a, b) => compareStrings(a.id, b.id));
}

function physicalLocation(location: FileRange) {
  const { start, end } = location.range;
  const endColumn = end.line === start.line ? Math.max(end.column, start.column) : end.column;
  return {
    artifactLocation: { uri: fileUri(location.file), uriBaseId: SOURCE_ROOT },
    region: {
      startLine: start.line,
      startColumn: start.column,
      endLine: Math.max(end.line, start.line),
      endColumn: Math.max(endColumn, 1),
    },
  };
}

function relatedLocations(d: Diagnostic) {
  if (d.related === undefined || d.related.length === 0) return {};
  return {
    relatedLocations: d.related.map((r, id) => ({
      id,
      physicalLocation: physicalLocation(r),
      message: { text: r.message || 'Related location' },
    })),
  };
}

/** A display path (relative, `/`-separated) as a relative URI reference. */
function fileUri(file: string): string {
  return file
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}
