// RULES: every rule of the registry (rules/index.ts) as one list, in id order.

import { compareStrings } from '../diagnostics.js';
import type { Rule } from './rule.js';
import * as registered from './rules/index.js';

/** Every checker rule, sorted by id. */
export const RULES: readonly Rule[] = Object.values<Rule>(registered).sort((a, b) =>
  compareStrings(a.meta.id, b.meta.id),
);
