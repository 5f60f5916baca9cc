// Descriptions of the model errors (rules.md A): always errors, never configurable, listed
// beside the checker rules in reports that describe rules (SARIF tool.driver.rules).

import { MANIFEST_ERROR } from '../manifests/facts.js';
import type { RuleDescriptor } from './types.js';

function modelError(id: string, description: string, hint: string): RuleDescriptor {
  return { id, description, defaultLevel: 'error', hint, configurable: false };
}

export const MODEL_ERRORS: readonly RuleDescriptor[] = [
  modelError(
    'syntax',
    'Text that cannot be read as a topodoc statement (lexer or parser error).',
    'Fix the text at the position shown; every syntax error of the file is reported in one run.',
  ),
  modelError(
    'unknown-property',
    'A property that is not allowed on this block.',
    'Use one of the properties allowed on this block (the message lists them).',
  ),
  modelError(
    'invalid-directive',
    'A `topodoc-disable` comment that names no rule, an unknown rule, or a model error (which cannot be suppressed).',
    'Name one or more configurable rule ids after the directive, then `--` and the reason.',
  ),
  modelError(
    'invalid-value',
    'A malformed IP or CIDR, a port outside 1–65535, an unknown protocol or enum value, or a property with too many or too few values.',
    'Give the property a well-formed value of the expected kind and count.',
  ),
  modelError(
    'misplaced-block',
    'A block where the nesting rules forbid it (a machine inside a pod, …).',
    'Move the block to a parent that allows it (the message names what is allowed there).',
  ),
  modelError(
    'duplicate-name',
    'Two siblings with one name, or two pods with one name in one namespace.',
    'Rename one of them; the related location shows the first declaration.',
  ),
  modelError(
    'unresolved-reference',
    'A connect path that names nothing.',
    'Correct the path (the message suggests a close match) or declare the target.',
  ),
  modelError(MANIFEST_ERROR.id, MANIFEST_ERROR.description, MANIFEST_ERROR.hint),
  modelError(
    'import-error',
    'An import that is missing, unreadable, cyclic, or outside the project root.',
    'Fix the import path, break the cycle, or pass --allow-outside-root for files outside the project.',
  ),
];
