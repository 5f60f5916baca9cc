// Which of the `.topo` files a directory or glob stands for are fragments: files another of them
// imports (`shared/*.topo`) are part of the documents that import them, not documents of their own.

import { dirname, resolve } from 'node:path';
import { readInputFile } from '../fs/read-input.js';
import { importStatements } from '../model/imports.js';
import { decodeUtf8 } from '../model/utf8.js';

/**
 * `candidates` without the ones imported by another file of `candidates` or `alsoReading` (files
 * named one by one stay whatever imports them). When that would leave none (files importing each
 * other in a cycle), all stay, so that the analysis reports the cycle.
 */
export async function withoutFragments(
  candidates: readonly string[],
  alsoReading: readonly string[] = [],
): Promise<string[]> {
  // Nothing can be a fragment, so no file needs parsing (a big file named alone is parsed once, by its analysis).
  if (candidates.length === 0) return [];
  const imported = new Set<string>();
  for (const file of new Set([...candidates, ...alsoReading])) {
    for (const target of await importsOf(file)) if (target !== file) imported.add(target);
  }
  const documents = candidates.filter((file) => !imported.has(file));
  return documents.length === 0 ? [...candidates] : documents;
}

/** Absolute paths a `.topo` file imports; none for any other file, or one that cannot be read or parsed (its analysis says why). */
async function importsOf(file: string): Promise<string[]> {
  if (!file.endsWith('.topo')) return [];
  let bytes: Uint8Array;
  try {
    bytes = await readInputFile(file);
  } catch {
    return [];
  }
  // Loaded here, not at the top: a build of named files never parses here, and starts its browser sooner.
  const { parse } = await import('../parser/index.js');
  const { document } = parse(decodeUtf8(bytes).text, file);
  return importStatements(document.body).map(({ target }) => resolve(dirname(file), target));
}
