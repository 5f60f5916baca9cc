// Where each input's outputs go: `OUT/x.md`, `OUT/x.mmd`, `OUT/x.svg` for `x.topo`. Two inputs
// with one base name would overwrite each other's outputs, so that is a usage error. Also how a build
// names the output directory when nothing changed.

import { basename, extname } from 'node:path';
import { compareStrings } from '../diagnostics.js';
import { UserError } from '../errors.js';
import { displayPath, displayPathBelow } from '../fs/display-path.js';

export interface OutputPlan {
  /** Absolute path of the `.topo` input. */
  entry: string;
  /** Base name shared by the outputs (`x` for `x.topo`). */
  name: string;
  md: string;
  mmd: string;
  svg: string;
}

/** Plans the outputs of `entries` (absolute paths, sorted) in `outDir` (absolute). */
export function planOutputs(entries: readonly string[], outDir: string, cwd: string): OutputPlan[] {
  const byName = new Map<string, string>();
  const plans: OutputPlan[] = [];
  for (const entry of [...new Set(entries)].sort(compareStrings)) {
    const name = basename(entry, extname(entry));
    const other = byName.get(name);
    if (other !== undefined) {
      throw new UserError(
        `${displayPath(cwd, other)} and ${displayPath(cwd, entry)} would both be built to ${name}.md; ` +
          'build them into different output directories (-o).',
      );
    }
    byName.set(name, entry);
    const output = (extension: string) => `${outDir}/${name}.${extension}`;
    plans.push({ entry, name, md: output('md'), mmd: output('mmd'), svg: output('svg') });
  }
  return plans;
}

/** What a build prints when nothing changed: `out is up to date.` and a newline. */
export function upToDateLine(cwd: string, outDir: string, outDirAsGiven: string | undefined): string {
  return `${displayPathBelow(cwd, outDir, outDirAsGiven)} is up to date.\n`;
}
