// The manifests stage: Kubernetes manifests (YAML or JSON text) → the syntax tree the parser would
// give for the same topology, every node's offsets pointing into the manifest it came from, plus
// `manifest-error` and `duplicate-object` findings. A second front end beside src/parser.

import { type Diagnostic, SourceText, sortDiagnostics } from '../diagnostics.js';
import type { BlockStatement, Document } from '../parser/ast.js';
import type { FieldProblem } from './fields.js';
import { duplicateObjectFinding, manifestError } from './findings.js';
import { mapObjects } from './map.js';
import { type ManifestFile, readObjects } from './objects.js';

export { describeObject, type KubeObject, type ManifestFile, objectPlace } from './objects.js';

export interface ManifestRead {
  /** The topology the objects describe; blocks carry their manifest file (`BlockStatement.source`). */
  document: Document;
  /** What each generated block stands for (`from Deployment shop/api, k8s/api.yaml:1`), for comments. */
  origins: Map<BlockStatement, string>;
  /** Objects not modelled, by kind, with their counts. */
  skipped: Map<string, number>;
  /** `manifest-error` errors and `duplicate-object` warnings, sorted. */
  diagnostics: Diagnostic[];
  /** Display path → text, every file read. */
  sources: Map<string, string>;
}

/** Reads `files` (in the order given: a later object replaces an earlier one with its identity). */
export function readManifests(files: readonly ManifestFile[]): ManifestRead {
  const problems: FieldProblem[] = [];
  const read = readObjects(files, problems);
  const mapped = mapObjects(read.objects);
  const diagnostics: Diagnostic[] = [
    ...problems.map((problem) => manifestError(problem.file, problem.range, problem.message)),
    ...read.duplicates.map(duplicateObjectFinding),
  ];
  const document: Document = {
    type: 'Document',
    source: read.texts[0] ?? new SourceText('<stdin>', ''),
    body: mapped.statements,
    comments: [],
    start: 0,
    end: 0,
  };
  return {
    document,
    origins: mapped.origins,
    skipped: mapped.skipped,
    diagnostics: sortDiagnostics(diagnostics),
    sources: read.sources,
  };
}
