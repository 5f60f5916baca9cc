// `topodoc build FILES…`: writes OUT/x.md, OUT/x.mmd and OUT/x.svg for each x.topo, or with
// --check reports what would change (outputs.md §1, §4, §6).

import { dirname, resolve } from 'node:path';
import { type BuildOptions, buildFiles } from '../../build/index.js';
import { upToDateLine } from '../../build/plan.js';
import { createProgress } from '../../build/progress.js';
import { saveRecord } from '../../build/record.js';
import { loadConfig } from '../../config/load.js';
import type { Charset, SvgMode, TopodocConfig } from '../../config/types.js';
import { UserError } from '../../errors.js';
import type { ToolIo } from '../../pipeline/io.js';
import { configurableRuleIds, MODEL_ERROR_IDS } from '../../report/catalog.js';
import { parseCommandArgs, parsePositiveInt } from '../args.js';
import { expandModelInputs } from '../model-inputs.js';
import { BUILD_OPTIONS, type BuildValues } from './build-options.js';

const HELP = `Usage: topodoc build FILES… [options]

For each x.topo (globs and directories accepted) writes DIR/x.md (the document), DIR/x.mmd
(the Mermaid source) and DIR/x.svg (the diagram, rendered in a headless Chromium). Files are
rewritten only when they change; a file with errors gets no new outputs. A Kubernetes manifest
x.yaml (or .yml, .json) is built like x.topo; a directory without .topo files below it holds
manifests, built together into one document named after the directory. A file that another
input imports (shared/*.topo) is a fragment when a directory or glob names it: it is built only
as part of the documents that import it.

A successful build of named files keeps a build record (hashes of every file each document
read, the outputs it wrote, the config, the options and the tool version, and the warnings it
printed) in node_modules/.cache/topodoc/ of the project, else in $XDG_CACHE_HOME/topodoc
(~/.cache/topodoc). When nothing recorded changed, the next identical command prints the same
warnings and "up to date" without parsing or starting a browser. Directories and globs, --check
and --no-cache always build in full.

Options:
  -o, --out-dir DIR          output directory (default: the config's outDir, else out/)
  --check                    write nothing; list outputs that would change and exit 1 if any
  --svg auto|required|off    auto (default): skip SVGs with a warning when no browser is found;
                             required: that is an error; off: no SVGs
  --width N                  width budget of the ASCII views (default 80)
  --charset unicode|ascii    box-drawing characters or plain +-| (default unicode)
  -f, --format stylish|unix  how problems are printed (default stylish)
  --allow-outside-root       allow imports outside the project root
  --no-cache                 neither read nor write the build record
  -h, --help                 show this help

Exit codes: 0 done (or up to date with --check), 1 errors in a file, a failed SVG or drift
with --check, 2 bad usage, unreadable input or config.
`;

/** The build record to save after a clean run, as build-cached.ts located and keyed it. */
export interface RecordTarget {
  path: string;
  key: string;
}

/**
 * The full build; with `record`, a successful run (exit 0) records what it read, wrote and printed
 * on stderr (its warnings), so the next identical command can answer as it did.
 */
export async function runBuild(argv: readonly string[], io: ToolIo, record?: RecordTarget): Promise<number> {
  const args = parseCommandArgs('build', [...argv], BUILD_OPTIONS);
  if (args.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const { entries, options } = await resolveBuildSettings('build', args.positionals, args.values, io);
  let problems = '';
  const stderr = {
    write: (text: string) => {
      problems += text;
      io.stderr.write(text);
    },
    get isTTY() {
      return io.stderr.isTTY;
    },
    get columns() {
      return io.stderr.columns;
    },
  };
  const check = args.values.check ?? false;
  // The progress line goes to the real stderr: it is not part of what the record replays.
  const progress = createProgress(io);
  const result = await buildFiles(entries, { ...options, io: { ...io, stderr }, check, progress });
  if (record !== undefined && !check && result.exitCode === 0) {
    const files = [...result.inputs.values(), ...result.outputs.values()].flat();
    await saveRecord(
      record.path,
      record.key,
      { message: upToDateLine(io.cwd, options.outDir, options.outDirAsGiven), problems },
      files,
    );
  }
  return result.exitCode;
}

/** The inputs and options of a build from the command line and the config (shared with `watch`). */
export async function resolveBuildSettings(
  commandName: string,
  positionals: readonly string[],
  values: Omit<BuildValues, 'check'>,
  io: ToolIo,
): Promise<{ entries: string[]; options: Omit<BuildOptions, 'io' | 'check' | 'launchRenderer'> }> {
  if (positionals.length === 0) {
    throw new UserError(
      `topodoc ${commandName} needs at least one .topo file, Kubernetes manifest, directory or glob. Run \`topodoc ${commandName} --help\`.`,
    );
  }
  if (positionals.includes('-')) {
    throw new UserError(
      `topodoc ${commandName} names its outputs after each input file, so it cannot read standard input (-); \`topodoc render -\` prints a rendering of it.`,
    );
  }
  const config = withAsciiFlags(loadConfig(io.cwd, configurableRuleIds(), MODEL_ERROR_IDS), values);
  const entries = await expandModelInputs(positionals, io.cwd);
  const outDir =
    values['out-dir'] !== undefined
      ? resolve(io.cwd, values['out-dir'])
      : resolve(config.source === undefined ? io.cwd : dirname(config.source), config.outDir);
  return {
    entries,
    options: {
      outDir,
      outDirAsGiven: values['out-dir'],
      config,
      svgMode: svgMode(values.svg, config.svg.mode),
      format: reportFormat(values.format),
      allowOutsideRoot: values['allow-outside-root'] ?? false,
    },
  };
}

/** The config with --width and --charset applied. */
export function withAsciiFlags(
  config: TopodocConfig,
  values: { width?: string; charset?: string },
): TopodocConfig {
  return {
    ...config,
    ascii: {
      width: parsePositiveInt('width', values.width, config.ascii.width),
      charset: charset(values.charset, config.ascii.charset),
    },
  };
}

function charset(value: string | undefined, fallback: Charset): Charset {
  if (value === undefined) return fallback;
  if (value === 'unicode' || value === 'ascii') return value;
  throw new UserError(`--charset expects unicode or ascii, got "${value}".`);
}

function svgMode(value: string | undefined, fallback: SvgMode): SvgMode {
  if (value === undefined) return fallback;
  if (value === 'auto' || value === 'required' || value === 'off') return value;
  throw new UserError(`--svg expects auto, required or off, got "${value}".`);
}

function reportFormat(value: string | undefined): 'stylish' | 'unix' {
  if (value === undefined || value === 'stylish' || value === 'unix') return value ?? 'stylish';
  throw new UserError(
    `topodoc build prints problems as stylish or unix, got "${value}"; use topodoc check for other formats.`,
  );
}
