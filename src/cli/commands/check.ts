// `topodoc check FILES…`: analyses every file and writes the findings in one or more formats
// (each `--format` to stdout or to the `-o FILE` after it); exit codes per rules.md C.

import { resolve } from 'node:path';
import { loadConfig } from '../../config/load.js';
import { parseRuleOverrides, withRuleOverrides } from '../../config/rule-override.js';
import { UserError } from '../../errors.js';
import { writeFileAtomic } from '../../fs/atomic.js';
import { fileErrorReason } from '../../fs/reason.js';
import { analyzeFile } from '../../pipeline/analyze.js';
import { type CommandRun, type ToolIo, useColor } from '../../pipeline/io.js';
import { mergeAnalyses } from '../../pipeline/merge-analyses.js';
import { toolVersion } from '../../pipeline/version.js';
import { configurableRuleIds, MODEL_ERROR_IDS, ruleCatalog } from '../../report/catalog.js';
import { EMPTY_WHEN_CLEAN } from '../../report/formats.js';
import type { FormatName, ReportInput } from '../../report/types.js';
import { type OptionSpec, parseCommandArgs } from '../args.js';
import { expandModelInputs } from '../model-inputs.js';
import { type OutputTarget, outputTargets, REPORT_OPTIONS } from '../report-targets.js';
import { analyzeInput } from '../stdin.js';

const HELP = `Usage: topodoc check FILES… [options]
       topodoc check - [options]        (reads one topology from stdin)

Checks each input: a .topo file (with its imports), a Kubernetes manifest (.yaml, .yml, .json)
or a directory (the .topo files below it that no other input imports: an imported fragment is
checked as part of its importers; one without any holds manifests, checked together as one
application). Globs are accepted. Findings about manifests point into the YAML or JSON.

Options:
  -f, --format NAME                     stylish (default), unix, json, sarif or github; repeatable
  -o, --output FILE                     write the report of the --format before it to FILE
  --max-warnings N                      exit 1 when there are more than N warnings
  --rule ID=SEVERITY                    set a rule to off, warn or error; repeatable
  --report-unused-disable-directives    warn about topodoc-disable comments that suppress nothing
  --against SOURCE                      also report drift from SOURCE (manifests, a directory of
                                        them, a cluster snapshot, another .topo, git:REV:PATH);
                                        repeatable: drift-missing, drift-extra, drift-changed
  --allow-outside-root                  allow imports outside the project root
  -h, --help                            show this help

Several reports in one run: --format sarif -o topodoc.sarif --format stylish.
Colour on a terminal unless NO_COLOR is set.

Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors or too many warnings,
2 bad usage, unreadable input or config.
`;

const OPTIONS = {
  ...REPORT_OPTIONS,
  'max-warnings': { type: 'string' },
  rule: { type: 'string', multiple: true },
  'report-unused-disable-directives': { type: 'boolean' },
  'allow-outside-root': { type: 'boolean' },
  against: { type: 'string', multiple: true },
} as const satisfies OptionSpec;

const run: CommandRun = async (argv, io) => {
  const args = parseCommandArgs('check', argv, OPTIONS);
  if (args.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (args.positionals.length === 0) {
    throw new UserError(
      'topodoc check needs at least one .topo file, Kubernetes manifest, directory or glob. Run `topodoc check --help`.',
    );
  }
  const targets = outputTargets(argv, OPTIONS, io.cwd);
  const maxWarnings = parseMaxWarnings(args.values['max-warnings']);
  const ruleIds = configurableRuleIds();
  const overrides = parseRuleOverrides(args.values.rule ?? [], ruleIds, MODEL_ERROR_IDS);
  const config = withRuleOverrides(loadConfig(io.cwd, ruleIds, MODEL_ERROR_IDS), overrides);
  const allowOutsideRoot = args.values['allow-outside-root'] ?? false;
  const against = [];
  for (const name of args.values.against ?? []) {
    // Loaded only for --against: it brings the report formatters (its problems print as stylish).
    const { loadSource } = await import('../model-source.js');
    const loaded = await loadSource(name, io, { allowOutsideRoot });
    against.push({ name, model: loaded.model, sources: loaded.sources });
  }
  const analyzeOptions = {
    cwd: io.cwd,
    config,
    allowOutsideRoot,
    reportUnusedDisableDirectives: args.values['report-unused-disable-directives'] ?? false,
    ...(against.length > 0 ? { against } : {}),
  };
  const analyses = [];
  if (args.positionals.includes('-')) {
    // Standard input, like `render -` and `fmt -`: alone, as an editor or a pipe sends one file.
    if (args.positionals.length > 1)
      throw new UserError('topodoc check reads stdin (-) alone, not with files.');
    analyses.push(await analyzeInput('-', io, analyzeOptions));
  } else {
    for (const file of await expandModelInputs(args.positionals, io.cwd)) {
      analyses.push(await analyzeFile(file, analyzeOptions));
    }
  }
  const merged = mergeAnalyses(analyses);
  const input = { ...merged, rules: ruleCatalog(), toolVersion: toolVersion(), color: false };
  for (const target of targets) {
    const color = target.file === undefined && useColor(io);
    await writeReport(target, await reportText(target.format, { ...input, color }), io);
  }
  if (merged.errorCount > 0) return 1;
  if (maxWarnings !== undefined && merged.warningCount > maxWarnings) {
    io.stderr.write(
      `topodoc: too many warnings (${merged.warningCount}; --max-warnings is ${maxWarnings}).\n`,
    );
    return 1;
  }
  return 0;
};

/**
 * The report in one format. A clean run's report is empty in most formats: the formatters (and
 * string-width, which code frames measure with) are then not loaded at all.
 */
async function reportText(format: FormatName, input: ReportInput): Promise<string> {
  if (input.diagnostics.length === 0 && EMPTY_WHEN_CLEAN.has(format)) return '';
  const { formatReport } = await import('../../report/index.js');
  return formatReport(format, input);
}

async function writeReport(target: OutputTarget, text: string, io: ToolIo): Promise<void> {
  if (target.file === undefined) {
    io.stdout.write(text);
    return;
  }
  try {
    await writeFileAtomic(resolve(io.cwd, target.file), text);
  } catch (error) {
    throw new UserError(
      `Cannot write the ${target.format} report to ${target.file}: ${fileErrorReason(error)}.`,
    );
  }
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value)) {
    throw new UserError(`--max-warnings expects a whole number (0 or more), got "${value}".`);
  }
  return Number(value);
}

export { run };
