// What `diff` and `check --against` compare: a `.topo` file, Kubernetes manifests (a file or a
// directory), or `git:REV:PATH`, a file as it is in a git revision (read with `git show`, its
// arguments passed as a list: no shell). Problems in a source are printed and end the command (exit 2).

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { UserError } from '../errors.js';
import { type LoadResult, loadTopology, loadTopologyFromText } from '../model/index.js';
import type { ToolIo } from '../pipeline/io.js';
import { printDiagnostics } from './print-diagnostics.js';

const run = promisify(execFile);
/** The largest file read from git, as for files on disk (manifests: 64 MiB). */
const MAX_GIT_FILE = 64 * 1024 * 1024;

/** The model of `source`; syntax and model errors in it are printed and end the command (exit 2). */
export async function loadSource(
  source: string,
  io: ToolIo,
  options: { allowOutsideRoot?: boolean } = {},
): Promise<LoadResult> {
  const loaded = source.startsWith('git:')
    ? await loadTopologyFromText(await readGitFile(source, io), gitPath(source), { cwd: io.cwd })
    : await loadTopology(source, { cwd: io.cwd, allowOutsideRoot: options.allowOutsideRoot ?? false });
  const errors = loaded.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length > 0) {
    printDiagnostics(errors, loaded.sources, io);
    throw new UserError(
      `Cannot compare ${source}: it has ${errors.length} error${errors.length === 1 ? '' : 's'} (above).`,
    );
  }
  return loaded;
}

/** `git:main:examples/x.topo` → `examples/x.topo`. */
function gitPath(source: string): string {
  const [, , ...path] = source.split(':');
  return path.join(':');
}

async function readGitFile(source: string, io: ToolIo): Promise<string> {
  const [, revision, ...rest] = source.split(':');
  const path = rest.join(':');
  if (!revision || path === '') {
    throw new UserError(
      `"${source}" is not a git source; write git:REVISION:PATH (git:main:examples/cluster.topo).`,
    );
  }
  try {
    const { stdout } = await run('git', ['show', `${revision}:${path}`], {
      cwd: io.cwd,
      maxBuffer: MAX_GIT_FILE,
      encoding: 'utf8',
    });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim().split('\n')[0];
    const code = (error as { code?: unknown }).code;
    const why =
      code === 'ENOENT' ? 'git is not installed' : (stderr?.replace(/\.+$/, '') ?? 'git show failed');
    throw new UserError(`Cannot read ${source}: ${why}.`);
  }
}
