// Which manifest files an entry names, decided without reading them, so loading a `.topo` file
// never loads the manifests front end (and its YAML library).

import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { compareStrings } from '../diagnostics.js';
import { isManifestPath } from '../manifests/facts.js';
import type { LoadOptions } from './load.js';

/**
 * The manifest files an entry names: itself when it is a `.yaml`, `.yml` or `.json` file, the
 * manifests directly in it (sorted, like `kubectl apply -f DIR`) when it is a directory holding
 * some; else undefined (a `.topo` file, or a directory the `.topo` loader refuses).
 */
export async function manifestPaths(
  entryPath: string,
  options: LoadOptions = {},
): Promise<string[] | undefined> {
  if (isManifestPath(entryPath)) return [entryPath];
  if (entryPath.endsWith('.topo') || options.readFile) return undefined;
  const absolute = path.resolve(options.cwd ?? process.cwd(), entryPath);
  const entries = await readdir(absolute, { withFileTypes: true }).catch(() => []);
  const names = entries
    .filter((entry) => entry.isFile() && isManifestPath(entry.name))
    .map((entry) => entry.name)
    .sort(compareStrings);
  return names.length === 0 ? undefined : names.map((name) => path.join(absolute, name));
}
