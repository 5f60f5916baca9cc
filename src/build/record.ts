// The build record (like `tsc --incremental` or ESLint's cache): what a successful `topodoc build`
// read, wrote and printed, so the same command over unchanged inputs and outputs answers "up to
// date", with the same warnings, without loading the parser, the renderers or a browser. Light on
// purpose: it imports only Node and the atomic writer.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../fs/atomic.js';
import { toolVersion } from '../pipeline/version.js';

const FORMAT = 'topodoc-build-record/2';

export interface BuildRecord {
  format: typeof FORMAT;
  /** Tool version, command line, working directory, config files and the environment a build reads. */
  key: string;
  /** What stdout printed for an up-to-date build (`out is up to date.`). */
  message: string;
  /** What stderr printed: the warnings of the recorded build, printed again when it answers. */
  problems: string;
  /** Absolute path → content hash, or null for a file that could not be read (an unread import). */
  files: Record<string, string | null>;
}

/**
 * Where records live: `node_modules/.cache/topodoc` of the project, else the user's cache directory
 * as the command's environment names it (`XDG_CACHE_HOME`, else `HOME/.cache`); undefined, and no
 * record kept, when it names neither.
 */
export function recordPath(cwd: string, argv: readonly string[], env: NodeJS.ProcessEnv): string | undefined {
  const name = `build-${hash(JSON.stringify([resolve(cwd), argv])).slice(0, 16)}.json`;
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const isProject = existsSync(join(dir, 'package.json')) || existsSync(join(dir, 'topodoc.config.json'));
    if (isProject && existsSync(join(dir, 'node_modules')))
      return join(dir, 'node_modules', '.cache', 'topodoc', name);
    if (dirname(dir) === dir) break;
  }
  const cacheHome = env.XDG_CACHE_HOME || (env.HOME ? join(env.HOME, '.cache') : undefined);
  return cacheHome === undefined ? undefined : join(cacheHome, 'topodoc', name);
}

/**
 * The key of a command: everything outside the recorded files that changes what a build writes or
 * prints — the tool (its version and build), the working directory, the arguments, every config
 * file (topodoc.config.json or package.json) from the working directory up, the browser settings,
 * and whether its report is in colour.
 */
export function recordKey(
  cwd: string,
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  color: boolean,
): string {
  const configs: [string, string | null][] = [];
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const name of ['topodoc.config.json', 'package.json']) {
      const path = join(dir, name);
      configs.push([path, fileHash(path)]);
    }
    if (dirname(dir) === dir) break;
  }
  const toolBuild = statSync(fileURLToPath(import.meta.url)).mtimeMs;
  const browserEnv = [env.PATH, env.PUPPETEER_EXECUTABLE_PATH];
  return hash(
    JSON.stringify([FORMAT, toolVersion(), toolBuild, resolve(cwd), argv, configs, browserEnv, color]),
  );
}

/** What an up-to-date build prints, on stdout and on stderr. */
export interface RecordedOutput {
  message: string;
  problems: string;
}

/** What the recorded build printed, when the record matches the key and every file is as recorded. */
export function recordedOutput(path: string, key: string): RecordedOutput | undefined {
  const text = readRegularFile(path);
  if (text === undefined) return undefined;
  let record: BuildRecord;
  try {
    record = JSON.parse(text.toString('utf8')) as BuildRecord;
  } catch {
    return undefined;
  }
  if (record === null || typeof record !== 'object' || record.format !== FORMAT || record.key !== key)
    return undefined;
  const { message, problems, files } = record;
  if (typeof message !== 'string' || typeof problems !== 'string') return undefined;
  if (files === null || typeof files !== 'object') return undefined;
  for (const [file, recorded] of Object.entries(files)) {
    if (fileHash(file) !== recorded) return undefined;
  }
  return { message, problems };
}

/** Records `files` as they are on disk now; a failure to write the record never fails the build. */
export async function saveRecord(
  path: string,
  key: string,
  output: RecordedOutput,
  files: Iterable<string>,
): Promise<void> {
  const hashes: Record<string, string | null> = {};
  for (const file of [...files].sort()) hashes[file] = fileHash(file);
  const record: BuildRecord = { format: FORMAT, key, ...output, files: hashes };
  await writeFileAtomic(path, `${JSON.stringify(record)}\n`).catch(() => undefined);
}

/** The content hash of a regular file; null when missing, unreadable or not a regular file. */
function fileHash(path: string): string | null {
  const content = readRegularFile(path);
  return content === undefined ? null : hash(content);
}

/** The bytes of a regular file; undefined when missing, unreadable or not a regular file (a FIFO would block). */
function readRegularFile(path: string): Buffer | undefined {
  try {
    return statSync(path).isFile() ? readFileSync(path) : undefined;
  } catch {
    return undefined;
  }
}

function hash(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}
