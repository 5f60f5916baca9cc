// The findings of reading manifests, described for reports and config: `manifest-error` (the input
// cannot be read as Kubernetes objects; always an error, like a syntax error) and `duplicate-object`
// (two objects with one identity; a configurable warning).

import type { Diagnostic } from '../diagnostics.js';
import { DUPLICATE_OBJECT, MANIFEST_ERROR } from './facts.js';
import { type DuplicateObject, describeObject, objectPlace } from './objects.js';

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
