// `topodoc import FILES|DIR|- [-o FILE]`: Kubernetes manifests or a live snapshot → one canonical
// `.topo` (what `topodoc fmt` prints), a comment naming the source object of every block; what is
// not modelled is counted on stderr. With problems in the input nothing is written (exit 1).

import { resolve } from 'node:path';
import { UserError } from '../../errors.js';
import { formatTree } from '../../fmt/tree.js';
import { writeFileAtomic } from '../../fs/atomic.js';
import { fileErrorReason } from '../../fs/reason.js';
import type { ManifestFile } from '../../manifests/index.js';
import { loadManifestTexts, readManifestFiles } from '../../model/load-manifests.js';
import type { CommandRun, ToolIo } from '../../pipeline/io.js';
import { type OptionSpec, parseCommandArgs } from '../args.js';
import { expandInputs } from '../inputs.js';
import { printDiagnostics } from '../print-diagnostics.js';
import { readStdinText, STDIN_NAME } from '../stdin.js';

const HELP = `Usage: topodoc import FILES|DIR|- [-o FILE]

Reads Kubernetes manifests (YAML with one or more documents, or JSON; \`List\` objects such as
\`kubectl get … -o yaml\` prints; what helm template and kustomize build print) and writes one
canonical .topo file, with a comment naming the object every block comes from.

Nodes become machines (address, pod CIDR, kubelet, container runtime), Pods with a node land on
it, Deployments, StatefulSets, DaemonSets, ReplicaSets, ReplicationControllers, Jobs and
CronJobs become workloads, Services become services. Objects topodoc does not model (ConfigMap,
Secret, Ingress, RBAC, custom resources, …) are counted on standard error. Of two objects with one
kind, namespace and name the later is used (a duplicate-object warning).

A directory means the *.yaml, *.yml and *.json files directly in it, sorted; globs are accepted;
- reads standard input. Files are read in the order given.

Options:
  -o, --output FILE   write the .topo to FILE (atomically) instead of standard output
  -h, --help          show this help

Exit codes: 0 imported, 1 problems in the manifests (nothing is written), 2 bad usage or
unreadable input.
`;

const OPTIONS = { output: { type: 'string', short: 'o' } } as const satisfies OptionSpec;

const run: CommandRun = async (argv, io) => {
  const args = parseCommandArgs('import', argv, OPTIONS);
  if (args.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (args.positionals.length === 0) {
    throw new UserError(
      'topodoc import needs Kubernetes manifests: files, a directory or - for standard input. Run `topodoc import --help`.',
    );
  }
  const files = await readInputs(args.positionals, io);
  const loaded = loadManifestTexts(files, { cwd: io.cwd });
  printDiagnostics(loaded.diagnostics, loaded.sources, io);
  if (loaded.diagnostics.some((d) => d.severity === 'error')) return 1;
  const { document, origins, skipped } = loaded.manifests;
  const text = formatTree(document, (statement) => {
    const origin = statement.type === 'Block' ? origins.get(statement) : undefined;
    return origin === undefined ? [] : [origin];
  });
  if (skipped.size > 0) io.stderr.write(`${skippedSummary(skipped)}\n`);
  if (document.body.length === 0) io.stderr.write('topodoc: none of the objects is one topodoc models.\n');
  const output = args.values.output;
  if (output === undefined) {
    io.stdout.write(text);
    return 0;
  }
  try {
    await writeFileAtomic(resolve(io.cwd, output), text);
  } catch (error) {
    throw new UserError(`Cannot write ${output}: ${fileErrorReason(error)}.`);
  }
  return 0;
};

/** Every argument in order (a later object replaces an earlier one); `-` is standard input, once. */
async function readInputs(positionals: readonly string[], io: ToolIo): Promise<ManifestFile[]> {
  const files: ManifestFile[] = [];
  const seen = new Set<string>();
  for (const positional of positionals) {
    if (positional === '-') {
      if (seen.has(STDIN_NAME)) throw new UserError('topodoc import reads standard input (-) once.');
      seen.add(STDIN_NAME);
      files.push({ file: STDIN_NAME, text: (await readStdinText(io)).text.replace(/^\uFEFF/, '') });
      continue;
    }
    if (positional.endsWith('.topo')) {
      throw new UserError(
        `${positional} is a .topo file already; topodoc import reads Kubernetes manifests.`,
      );
    }
    const paths = await expandInputs([positional], io.cwd, 'Kubernetes manifest', '*.{yaml,yml,json}');
    const fresh = paths.filter((path) => !seen.has(path));
    for (const path of fresh) seen.add(path);
    files.push(...(await readManifestFiles(fresh, { cwd: io.cwd })));
  }
  return files;
}

/** `topodoc: skipped 4 objects it does not model: 2 ConfigMap, 1 Ingress, 1 Secret.` */
export function skippedSummary(skipped: ReadonlyMap<string, number>): string {
  const kinds = [...skipped.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const total = kinds.reduce((sum, [, count]) => sum + count, 0);
  const list = kinds.map(([kind, count]) => `${count} ${kind}`).join(', ');
  return `topodoc: skipped ${total} object${total === 1 ? '' : 's'} it does not model: ${list}.`;
}

export { run };
