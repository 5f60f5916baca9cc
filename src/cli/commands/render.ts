// `topodoc render FILE`: prints one output to stdout — the ASCII views (default), the Mermaid
// overview or the whole Markdown document; problems in the file go to stderr (exit 1).

import { basename, extname } from 'node:path';
import { renderTextOutputs } from '../../build/documents.js';
import { loadConfig } from '../../config/load.js';
import { ASCII_VIEWS } from '../../config/schema.js';
import type { AsciiView } from '../../config/types.js';
import { compareStrings } from '../../diagnostics.js';
import { UserError } from '../../errors.js';
import { displayPath } from '../../fs/display-path.js';
import type { Machine } from '../../model/types.js';
import type { Analysis } from '../../pipeline/analyze.js';
import { type CommandRun, type ToolIo, useColor } from '../../pipeline/io.js';
import { toolVersion } from '../../pipeline/version.js';
import { renderAscii } from '../../render/ascii/index.js';
import { renderMermaid } from '../../render/mermaid/index.js';
import { configurableRuleIds, MODEL_ERROR_IDS, ruleCatalog } from '../../report/catalog.js';
import { formatReport } from '../../report/index.js';
import { type OptionSpec, parseCommandArgs } from '../args.js';
import { expandModelInputs } from '../model-inputs.js';
import { analyzeInput } from '../stdin.js';
import { withAsciiFlags } from './build.js';

const HELP = `Usage: topodoc render FILE [options]

Prints a rendering of one .topo file (- reads standard input) to standard output. FILE may
also be a Kubernetes manifest (.yaml, .yml, .json) or a directory of them, read as one model,
or a directory or glob holding one .topo document (files it imports aside), as check and build
read it; for manifests on standard input, pipe them through \`topodoc import -\` first.

Options:
  -t, --target ascii|mermaid|markdown  what to print (default ascii)
  --view tree|node|pod|cluster|services  the ASCII view; repeatable (default: the config's views, all)
  --machine NAME                       only this machine: its Mermaid diagram (what it connects to
                                       elsewhere drawn as outside nodes), or its tree and node views
  --width N                            width budget of the ASCII views (default 80)
  --charset unicode|ascii              box-drawing characters or plain +-| (default unicode)
  --allow-outside-root                 allow imports outside the project root
  -h, --help                           show this help

Exit codes: 0 printed, 1 errors in the file or a view that cannot fit the width, 2 bad usage.
`;

const OPTIONS = {
  target: { type: 'string', short: 't' },
  view: { type: 'string', multiple: true },
  width: { type: 'string' },
  charset: { type: 'string' },
  'allow-outside-root': { type: 'boolean' },
  machine: { type: 'string' },
} as const satisfies OptionSpec;

const TARGETS = ['ascii', 'mermaid', 'markdown'] as const;

const run: CommandRun = async (argv, io) => {
  const args = parseCommandArgs('render', argv, OPTIONS);
  if (args.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const [file, ...extra] = args.positionals;
  if (file === undefined || extra.length > 0) {
    throw new UserError(
      'topodoc render needs exactly one .topo file, Kubernetes manifest or directory of manifests (or - for standard input).',
    );
  }
  const target = parseTarget(args.values.target);
  const views = args.values.view?.map(parseView);
  if (views !== undefined && target === 'mermaid') {
    throw new UserError(
      '--view chooses ASCII views, so it goes with --target ascii or markdown, not mermaid.',
    );
  }
  const config = withAsciiFlags(loadConfig(io.cwd, configurableRuleIds(), MODEL_ERROR_IDS), args.values);
  const analyzeOptions = {
    cwd: io.cwd,
    config,
    allowOutsideRoot: args.values['allow-outside-root'] ?? false,
  };
  const analysis = await analyzeInput(await oneModel(file, io.cwd), io, analyzeOptions);
  printDiagnostics(analysis, io);
  if (analysis.errorCount > 0) return 1;

  const ascii = { charset: config.ascii.charset, width: config.ascii.width };
  const machine = args.values.machine === undefined ? undefined : machineNamed(analysis, args.values.machine);
  // The ASCII views of one machine: the model as if it held that machine alone.
  const model =
    machine === undefined
      ? analysis.model
      : { ...analysis.model, cluster: { ...analysis.model.cluster, machines: [machine] } };
  let output: string;
  switch (target) {
    case 'ascii': {
      const shown = views ?? config.views;
      const drawing = renderAscii(model, { ...ascii, views: [...shown] });
      if (drawing === '') {
        io.stderr.write(
          `${analysis.file} has nothing to draw in the ${shown.join(', ')} view${shown.length === 1 ? '' : 's'}.\n`,
        );
      }
      output = drawing === '' ? '' : `${drawing}\n`;
      break;
    }
    case 'mermaid':
      output = renderMermaid(analysis.model, machine === undefined ? {} : { machine });
      break;
    case 'markdown': {
      // The very document `topodoc build` writes for this file.
      const name = basename(analysis.file, extname(analysis.file));
      output = renderTextOutputs(analysis, {
        cwd: io.cwd,
        config: { ...config, views: views ?? config.views },
        svgFile: config.svg.mode === 'off' ? undefined : `${name}.svg`,
      }).markdown;
      break;
    }
  }
  io.stdout.write(output);
  return 0;
};

function parseTarget(value: string | undefined): (typeof TARGETS)[number] {
  if (value === undefined) return 'ascii';
  const target = TARGETS.find((name) => name === value);
  if (target === undefined)
    throw new UserError(`--target expects ascii, mermaid or markdown, got "${value}".`);
  return target;
}

/** The machine `name`, or a UserError (exit 1) listing the machines there are. */
function machineNamed(analysis: Analysis, name: string): Machine {
  const machines = analysis.model.cluster.machines;
  const machine = machines.find((candidate) => candidate.name === name);
  if (machine !== undefined) return machine;
  const known = machines.map((candidate) => candidate.name).sort(compareStrings);
  throw new UserError(
    `No machine named "${name}"; the topology has: ${known.join(', ') || 'no machines'}.`,
    1,
  );
}

function parseView(value: string): AsciiView {
  const view = ASCII_VIEWS.find((name) => name === value);
  if (view === undefined) {
    throw new UserError(
      `--view expects ${ASCII_VIEWS.slice(0, -1).join(', ')} or ${ASCII_VIEWS.at(-1)}, got "${value}".`,
    );
  }
  return view;
}

/** Problems in the file on stderr, so stdout holds only the rendering. */
function printDiagnostics(analysis: Analysis, io: ToolIo): void {
  if (analysis.diagnostics.length === 0) return;
  const report = formatReport('stylish', {
    diagnostics: analysis.diagnostics,
    sources: analysis.sources,
    files: [analysis.file],
    rules: ruleCatalog(),
    toolVersion: toolVersion(),
    color: useColor(io, io.stderr),
  });
  io.stderr.write(report);
}

/**
 * The one model `input` stands for, by the rule of check and build: `-`, a file, a directory or
 * glob holding one document (its imported fragments aside), or a directory of manifests.
 */
async function oneModel(input: string, cwd: string): Promise<string> {
  if (input === '-') return input;
  const documents = await expandModelInputs([input], cwd);
  const [only] = documents;
  if (only !== undefined && documents.length === 1) return only;
  const names = documents.map((document) => displayPath(cwd, document)).join(', ');
  throw new UserError(
    `topodoc render draws one model, but "${input}" holds ${documents.length} documents (${names}); name one of them.`,
  );
}

export { run };
