// Loads a topology from Kubernetes manifests: reads the files (UTF-8, at most MAX_MANIFEST_BYTES
// each), lets the manifests front end turn their objects into a syntax tree, and builds the model
// from it. Findings point into the manifests.

import path from 'node:path';
import { sortDiagnostics } from '../diagnostics.js';
import { UserError } from '../errors.js';
import { displayPath } from '../fs/display-path.js';
import { readInputFile } from '../fs/read-input.js';
import { fileErrorReason } from '../fs/reason.js';
import { type ManifestFile, type ManifestRead, readManifests } from '../manifests/index.js';
import { readTree, stripBom } from '../parser/index.js';
import { looksBinary } from './binary.js';
import { buildModel } from './build.js';
import type { LoadOptions, LoadResult } from './load.js';
import { decodeUtf8 } from './utf8.js';

/** The largest manifest file read (a whole cluster's `kubectl get -o yaml` is a few MB). */
export const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

export interface ManifestLoadResult extends LoadResult {
  manifests: ManifestRead;
}

/**
 * Reads the manifest files `paths` (relative to the cwd or absolute), in that order, as one set of
 * objects (a later object replaces an earlier one with its kind, namespace and name).
 */
export async function loadManifests(
  paths: readonly string[],
  options: LoadOptions = {},
): Promise<ManifestLoadResult> {
  return loadManifestTexts(await readManifestFiles(paths, options), options);
}

/** The text of each manifest file; an unreadable, binary or oversized file is a UserError. */
export async function readManifestFiles(
  paths: readonly string[],
  options: LoadOptions = {},
): Promise<ManifestFile[]> {
  const cwd = options.cwd ?? process.cwd();
  const files: ManifestFile[] = [];
  for (const each of paths) {
    const absolute = path.resolve(cwd, each);
    const file = displayPath(cwd, absolute);
    const content = await readManifestBytes(absolute, file, options);
    const decoded = typeof content === 'string' ? { text: content } : decodeUtf8(content);
    const read: ManifestFile = { file, text: stripBom(decoded.text) };
    if (decoded.invalidAt) read.invalidUtf8At = decoded.invalidAt;
    files.push(read);
  }
  return files;
}

/** Builds the model of manifests already read (stdin, an editor buffer, tests). */
export function loadManifestTexts(
  files: readonly ManifestFile[],
  options: LoadOptions = {},
): ManifestLoadResult {
  const manifests = readManifests(files);
  const entry = files[0]?.file ?? '<stdin>';
  const built = buildModel(
    entry,
    readTree(manifests.document),
    options.knownRuleIds ? { knownRuleIds: options.knownRuleIds } : {},
  );
  for (const { file } of files) if (!built.model.files.includes(file)) built.model.files.push(file);
  const hasSyntaxErrors = manifests.diagnostics.some((d) => d.severity === 'error');
  const diagnostics = hasSyntaxErrors
    ? manifests.diagnostics
    : sortDiagnostics([...manifests.diagnostics, ...built.diagnostics]);
  const { sources } = manifests;
  return { model: built.model, diagnostics, sources, unreadImports: [], hasSyntaxErrors, manifests };
}

async function readManifestBytes(
  absolute: string,
  display: string,
  options: LoadOptions,
): Promise<string | Uint8Array> {
  let content: string | Uint8Array;
  try {
    content = await (options.readFile ?? ((file) => readInputFile(file, MAX_MANIFEST_BYTES)))(absolute);
  } catch (error) {
    throw new UserError(`Cannot read ${display}: ${fileErrorReason(error)}.`);
  }
  if (typeof content !== 'string' && looksBinary(content)) {
    throw new UserError(`Cannot read ${display}: it looks like a binary file, not YAML or JSON text.`);
  }
  return content;
}
