// The output formats by name: what `--format` accepts and the one entry point to render a report.

import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';
import type { FormatName, Reporter, ReportInput } from './types.js';
import { formatUnix } from './unix.js';

export type { FormatName, Reporter, ReportInput, RuleDescriptor } from './types.js';

const REPORTERS: Record<FormatName, Reporter> = {
  stylish: formatStylish,
  unix: formatUnix,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
};

export { FORMAT_NAMES, isFormatName } from './formats.js';

/** The whole report text of one format ('' when the format has nothing to say). */
export function formatReport(name: FormatName, input: ReportInput): string {
  return REPORTERS[name](input);
}
