// The inputs of commands that analyse models (check, build, watch): every input is one model — a
// `.topo` file with its imports, a Kubernetes manifest file, or a directory. A directory stands for
// the `.topo` files below it; one without any stands for its manifests, read together as one model.

import { readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { compareStrings } from '../diagnostics.js';
import { isManifestPath } from '../manifests/index.js';
import { expandInputs } from './inputs.js';

/** How messages name what `pattern` should match: by its extension when it has one. */
function inputNoun(pattern: string): string {
  if (pattern.endsWith('.topo')) return '.topo file';
  if (isManifestPath(pattern)) return 'Kubernetes manifest';
  return '.topo file or Kubernetes manifest';
}

/** Sorted absolute paths: `.topo` files, manifest files, and directories of manifests. */
export async function expandModelInputs(patterns: readonly string[], cwd: string): Promise<string[]> {
  const found = new Set<string>();
  for (const pattern of patterns) {
    const absolute = resolve(cwd, pattern);
    if (!isDynamicPattern(pattern) && isDirectory(absolute)) {
      const topoFiles = await glob('**/*.topo', { cwd: absolute, absolute: true, onlyFiles: true });
      if (topoFiles.length === 0 && holdsManifests(absolute)) {
        found.add(absolute);
        continue;
      }
    }
    for (const path of await expandInputs([pattern], cwd, inputNoun(pattern), '**/*.topo')) found.add(path);
  }
  return [...found].sort(compareStrings);
}

function isDirectory(absolute: string): boolean {
  try {
    return statSync(absolute, { throwIfNoEntry: false })?.isDirectory() === true;
  } catch {
    return false;
  }
}

function holdsManifests(directory: string): boolean {
  return readdirSync(directory, { withFileTypes: true }).some(
    (entry) => entry.isFile() && isManifestPath(entry.name),
  );
}
