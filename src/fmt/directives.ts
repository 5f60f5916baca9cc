// Recognises the suppression comments whose meaning depends on where they stand (read the same
// way as src/model/suppressions.ts), so that the formatter never changes what they suppress.

import type { Comment } from '../parser/ast.js';

function keyword(comment: Comment): string {
  return comment.text.trim().split(/\s+/)[0] ?? '';
}

/** `# topodoc-disable RULE… -- reason`: only effective before the file's first statement. */
export function isFileDirective(comment: Comment): boolean {
  return keyword(comment) === 'topodoc-disable';
}

/** `# topodoc-disable-next-line RULE… -- reason`: acts on the first statement starting on a later line. */
export function isNextLineDirective(comment: Comment): boolean {
  return keyword(comment) === 'topodoc-disable-next-line';
}
