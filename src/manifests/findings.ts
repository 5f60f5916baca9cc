// The findings of reading manifests, described for reports and config: `manifest-error` (the input
// cannot be read as Kubernetes objects; always an error, like a syntax error) and `duplicate-object`
// (two objects with one identity; a configurable warning).

import type { Diagnostic } from '../diagnostics.js';
import { type DuplicateObject, describeObject, objectPlace } from './objects.js';

export const MANIFEST_ERROR = {
  id: 'manifest-error',
  description:
    "A manifest that cannot be read as Kubernetes objects: invalid YAML or JSON, a document without `apiVersion`, `kind` or `metadata.name`, a field of the wrong type, a refused YAML tag, or input past the reader's limits.",
  hint: 'Fix the manifest at the position shown; `kubectl apply --dry-run=client -f FILE` reports the same problems.',
} as const;

export const DUPLICATE_OBJECT = {
  id: 'duplicate-object',
  description: 'Two objects with one kind, namespace and name in the manifests read together.',
  defaultSeverity: 'warn',
  fact: "An object is identified by its kind, namespace and name; applying a second object with the same identity replaces the first one's configuration, so only the later one takes effect.",
  url: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/names/',
  hint: 'Remove one of the two objects, or rename one if both are meant to exist.',
} as const;

/** The warning about `duplicate`, at the later object's name, naming the earlier one. */
export function duplicateObjectFinding({ object, replaced }: DuplicateObject): Diagnostic {
  return {
    file: object.file,
    range: object.nameField.range,
    severity: 'warning',
    source: 'parser',
    ruleId: DUPLICATE_OBJECT.id,
    message: `${describeObject(object)} is written twice: this later one is used, as \`kubectl apply\` would use it, and the one at ${objectPlace(replaced)} is ignored`,
    related: [
      {
        file: replaced.file,
        range: replaced.nameField.range,
        message: `the ignored ${describeObject(replaced)}`,
      },
    ],
    hint: DUPLICATE_OBJECT.hint,
  };
}

export function manifestError(file: string, range: Diagnostic['range'], message: string): Diagnostic {
  return {
    file,
    range,
    severity: 'error',
    source: 'parser',
    ruleId: MANIFEST_ERROR.id,
    message,
    hint: MANIFEST_ERROR.hint,
  };
}
