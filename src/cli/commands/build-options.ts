// The options of `topodoc build` (shared with `watch`), apart from the command so the build
// record's fast path can read a command line without loading the build.

import type { OptionSpec, OptionValues } from '../args.js';

export const BUILD_OPTIONS = {
  'out-dir': { type: 'string', short: 'o' },
  check: { type: 'boolean' },
  svg: { type: 'string' },
  width: { type: 'string' },
  charset: { type: 'string' },
  format: { type: 'string', short: 'f' },
  'allow-outside-root': { type: 'boolean' },
  'no-cache': { type: 'boolean' },
} as const satisfies OptionSpec;

/** The values of build's flags (shared with `watch`). */
export type BuildValues = OptionValues<typeof BUILD_OPTIONS>;
