// The inputs of commands that analyse models (check, build, watch, render): every input is one model —
// a `.topo` file with its imports, a Kubernetes manifest file, or a directory. A directory stands for
// the `.topo` files below it that no other one imports; one without any stands for its manifests,
// read together as one model.

import { readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { compareStrings } from '../diagnostics.js';
import { isManifestPath } from '../manifests/facts.js';
import { withoutFragments } from './fragments.js';
import { expandInputs } from './inputs.js';

/** How messages name what `pattern` should match: by its extension when it has one. */
function inputNoun(pattern: string): string {
  if (pattern.endsWith('.topo')) return '.topo file';
  if (isManifestPath(pattern)) return 'Kubernetes manifest';
  return '.topo file or Kubernetes manifest';
}

/**
 * Sorted absolute paths: `.topo` files, manifest files, and directories of manifests. Of the
 * `.topo` files a directory or glob stands for, those another input imports are left out
 * (fragments.ts); files named one by one are always kept.
 */
export async function expandModelInputs(patterns: readonly string[], cwd: string): Promise<string[]> {
  const named = new Set<string>();
  const expanded = new Set<string>();
  for (const pattern of patterns) {
    const absolute = resolve(cwd, pattern);
    const directory = !isDynamicPattern(pattern) && isDirectory(absolute);
    if (directory) {
      const topoFiles = await glob('**/*.topo', { cwd: absolute, absolute: true, onlyFiles: true });
      if (topoFiles.length === 0 && holdsManifests(absolute)) {
        named.add(absolute);
        continue;
      }
    }
    const into = directory || isDynamicPattern(pattern) ? expanded : named;
    for (const path of await expandInputs([pattern], cwd, inputNoun(pattern), '**/*.topo')) into.add(path);
  }
  const candidates = [...expanded].filter((path) => !named.has(path));
  const documents = await withoutFragments(candidates, [...named]);
  return [...named, ...documents].sort(compareStrings);
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
