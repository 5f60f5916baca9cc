// `topodoc diff A B [--format text|markdown|json]`: what changes from topology A to topology B,
// entity by entity (src/diff). Exit 0 when nothing differs, 1 when something does, 2 on bad usage.

import { compareModels } from '../../diff/compare.js';
import { formatJson, formatMarkdown, formatText } from '../../diff/format.js';
import { UserError } from '../../errors.js';
import { type CommandRun, useColor } from '../../pipeline/io.js';
import { palette } from '../../report/color.js';
import { type OptionSpec, parseCommandArgs } from '../args.js';
import { loadSource } from '../model-source.js';

const HELP = `Usage: topodoc diff A B [--format text|markdown|json] [--include-generated]

Compares two topologies entity by entity (machines, processes, services, workloads, pods,
volumes, containers, connections), matched by name (namespace and name for pods, services and
workloads), never by line: an entity only B has is added, one only A has is removed (a rename is
both), and for one both have, each property that differs is listed with its old and new value.

A and B are .topo files, Kubernetes manifests (a file or a directory), or git:REVISION:PATH for a
file as it is in a git revision (git:main:examples/cluster.topo).

The pods a workload expands into are compared through the workload (its replicas and template):
their generated names and IPs are not differences unless --include-generated is given.

Options:
  --format F            text (default; colour on a terminal unless NO_COLOR), markdown (a
                        pull-request comment: a table per kind and each changed pod's view) or json
  --include-generated   also compare the pods workloads expand into
  -h, --help            show this help

Exit codes: 0 no difference, 1 differences, 2 bad usage or an input that cannot be read.
`;

const OPTIONS = {
  format: { type: 'string' },
  'include-generated': { type: 'boolean' },
} as const satisfies OptionSpec;

const FORMATS = ['text', 'markdown', 'json'] as const;

const run: CommandRun = async (argv, io) => {
  const args = parseCommandArgs('diff', argv, OPTIONS);
  if (args.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (args.positionals.length !== 2) {
    throw new UserError('topodoc diff needs two topologies, A and B. Run `topodoc diff --help`.');
  }
  const format = FORMATS.find((name) => name === (args.values.format ?? 'text'));
  if (format === undefined) {
    throw new UserError(`--format expects text, markdown or json, got "${args.values.format}".`);
  }
  const [a, b] = args.positionals as [string, string];
  const before = await loadSource(a, io);
  const after = await loadSource(b, io);
  const changes = compareModels(before.model, after.model, {
    includeGenerated: args.values['include-generated'] ?? false,
  });
  io.stdout.write(
    format === 'json'
      ? formatJson(changes)
      : format === 'markdown'
        ? formatMarkdown(changes, { width: 80 })
        : formatText(changes, palette(useColor(io))),
  );
  return changes.length === 0 ? 0 : 1;
};

export { run };
