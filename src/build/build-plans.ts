// The analysing half of `topodoc build` (index.ts plans and starts the browser first): analyse
// each planned file, write its changed `x.md`/`x.mmd`, hand its diagrams to the SVG stage, report.

import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { SvgMode } from '../config/types.js';
import { fileRange } from '../diagnostics.js';
import { displayPath, displayPathBelow } from '../fs/display-path.js';
import { type Analysis, analyzeFile } from '../pipeline/analyze.js';
import { type ToolIo, useColor } from '../pipeline/io.js';
import { mergeAnalyses } from '../pipeline/merge-analyses.js';
import { toolVersion } from '../pipeline/version.js';
import { AsciiWidthError } from '../render/ascii/options.js';
import { machineDiagramFile } from '../render/mermaid/summary.js';
import { BROWSER_INSTALL_HINT } from '../render/svg/browser.js';
import { ruleCatalog } from '../report/catalog.js';
import { formatReport } from '../report/index.js';
import { printable } from '../report/text.js';
import { renderTextOutputs } from './documents.js';
import { readIfExists, writeIfChanged } from './files.js';
import type { BuildOptions, BuildResult } from './index.js';
import { type OutputPlan, upToDateLine } from './plan.js';
import type { Progress } from './progress.js';
import { type SvgJob, type SvgStage, svgStaleness } from './svg.js';

/** Analyses and writes each plan's outputs, feeding their diagrams to `svgStage`. */
export async function buildPlans(
  plans: readonly OutputPlan[],
  { svgStage, browser, progress }: { svgStage: SvgStage; browser: string | undefined; progress: Progress },
  options: BuildOptions,
): Promise<BuildResult> {
  const { io, config } = options;
  const show = (path: string) => displayPath(io.cwd, path);
  const showOutput = (path: string) => displayPathBelow(io.cwd, path, options.outDirAsGiven);
  const svgMode = options.svgMode ?? config.svg.mode;
  // The document links its SVG when one will be written, or an earlier one is there: without a
  // browser in `auto` mode a first build has no picture, and must not link one.
  const linksSvg = (plan: OutputPlan) => svgMode !== 'off' && (browser !== undefined || existsSync(plan.svg));
  const analyses: Analysis[] = [];
  const svgJobs: SvgJob[] = [];
  const written: string[] = [];
  const changes: string[] = [];
  const inputs = new Map<string, string[]>();
  const outputs = new Map<string, string[]>();
  let failed = false;
  // Output path → the entry that writes it: every entry's own three outputs, then the machine
  // diagrams as they are known, so two entries never write one file (`x.worker.topo` and the
  // diagram of machine `worker` of `x.topo` are both `x.worker.mmd`).
  const writers = new Map<string, string>();
  for (const plan of plans) for (const path of [plan.md, plan.mmd, plan.svg]) writers.set(path, plan.entry);

  for (const [index, plan] of plans.entries()) {
    progress.update(
      `[${index + 1}/${plans.length}] ${options.check ? 'checking' : 'building'} ${show(plan.entry)}`,
    );
    const analysis = await analyzeFile(plan.entry, {
      cwd: io.cwd,
      config,
      allowOutsideRoot: options.allowOutsideRoot ?? false,
    });
    analyses.push(analysis);
    inputs.set(plan.entry, [
      ...[...analysis.sources.keys()].map((display) => resolve(io.cwd, display)),
      ...analysis.unreadImports,
    ]);
    if (analysis.errorCount > 0) {
      failed = true;
      continue;
    }
    const rendered = renderOrReport(analysis, plan, options, linksSvg(plan), io);
    if (rendered === undefined) {
      failed = true;
      continue;
    }
    const machineDiagrams = rendered.machineDiagrams.map(({ machine, mermaid }) => ({
      machine,
      mmd: machineDiagramFile(plan.mmd, machine),
      svg: machineDiagramFile(plan.svg, machine),
      mermaid,
    }));
    const clash = machineDiagrams.find((diagram) =>
      [diagram.mmd, diagram.svg].some((path) => (writers.get(path) ?? plan.entry) !== plan.entry),
    );
    if (clash !== undefined) {
      const { file, range } = fileRange(clash.machine.nameLoc);
      const other = show(writers.get(clash.mmd) ?? (writers.get(clash.svg) as string));
      io.stderr.write(
        `${file}:${range.start.line}:${range.start.column}: error: the diagram of machine ${clash.machine.name} would be written to ${showOutput(clash.mmd)}, which ${other} also writes, so nothing was written for ${analysis.file}; rename the machine or one of the files.\n`,
      );
      failed = true;
      continue;
    }
    for (const diagram of machineDiagrams)
      for (const path of [diagram.mmd, diagram.svg]) writers.set(path, plan.entry);
    for (const [path, text] of [
      [plan.md, rendered.markdown],
      [plan.mmd, rendered.mermaid],
      ...machineDiagrams.map((diagram) => [diagram.mmd, diagram.mermaid] as const),
    ] as const) {
      if (options.check) {
        const existing = await readIfExists(path, showOutput(path));
        if (existing !== text)
          changes.push(`${showOutput(path)} ${existing === undefined ? 'would be created' : 'would change'}`);
      } else if (await writeIfChanged(path, text, showOutput(path))) written.push(showOutput(path));
    }
    outputs.set(plan.entry, [
      plan.md,
      plan.mmd,
      ...machineDiagrams.map((diagram) => diagram.mmd),
      ...(svgMode === 'off' ? [] : [plan.svg, ...machineDiagrams.map((diagram) => diagram.svg)]),
    ]);
    const jobs = [
      { path: plan.svg, display: showOutput(plan.svg), mermaid: rendered.mermaid },
      ...machineDiagrams.map((diagram) => ({
        path: diagram.svg,
        display: showOutput(diagram.svg),
        mermaid: diagram.mermaid,
      })),
    ];
    svgJobs.push(...jobs);
    for (const job of jobs) await svgStage.add(job);
  }
  progress.done();
  printDiagnostics(analyses, options, io);

  if (options.check) {
    changes.push(...(await svgChanges(svgJobs, svgMode, browser, io)));
    for (const change of changes) io.stdout.write(`${change}\n`);
    if (changes.length > 0) {
      io.stdout.write(
        `${changes.length} output${changes.length === 1 ? '' : 's'} would change; run \`topodoc build\` to update.\n`,
      );
    }
    return { exitCode: failed || changes.length > 0 ? 1 : 0, written, changes, inputs, outputs };
  }

  const svg = await svgStage.renderStale();
  written.push(...svg.written);
  for (const path of written) io.stdout.write(`wrote ${path}\n`);
  // They quote what the browser printed: no control character reaches the terminal.
  for (const warning of svg.warnings) io.stderr.write(`topodoc: warning: ${printable(warning)}\n`);
  for (const error of svg.errors) io.stderr.write(`topodoc: error: ${printable(error)}\n`);
  if (written.length === 0 && !failed && svg.errors.length === 0 && plans.length > 0) {
    io.stdout.write(upToDateLine(io.cwd, options.outDir, options.outDirAsGiven));
  }
  return { exitCode: failed || svg.errors.length > 0 ? 1 : 0, written, changes, inputs, outputs };
}

/** The text outputs, or undefined after printing why a view could not be drawn. */
function renderOrReport(
  analysis: Analysis,
  plan: OutputPlan,
  options: BuildOptions,
  linkSvg: boolean,
  io: ToolIo,
) {
  try {
    return renderTextOutputs(analysis, {
      cwd: io.cwd,
      config: options.config,
      svgFile: linkSvg ? basename(plan.svg) : undefined,
    });
  } catch (error) {
    if (!(error instanceof AsciiWidthError)) throw error;
    io.stderr.write(`${analysis.file}: error: ${error.message}\n`);
    return undefined;
  }
}

/** `--check` for SVGs: judged by cache key; without a browser in `auto` mode not judged at all. */
async function svgChanges(
  jobs: readonly SvgJob[],
  mode: SvgMode,
  browser: string | undefined,
  io: ToolIo,
): Promise<string[]> {
  if (mode === 'off' || jobs.length === 0) return [];
  if (mode === 'auto' && browser === undefined) {
    io.stderr.write(
      `topodoc: warning: no browser was found, so the SVGs were not checked: ${BROWSER_INSTALL_HINT}.\n`,
    );
    return [];
  }
  const changes: string[] = [];
  for (const job of jobs) {
    const staleness = await svgStaleness(job);
    if (staleness !== undefined) changes.push(`${job.display} is ${staleness}`);
  }
  return changes;
}

function printDiagnostics(analyses: readonly Analysis[], options: BuildOptions, io: ToolIo): void {
  const merged = mergeAnalyses(analyses);
  if (merged.diagnostics.length === 0) return;
  const { diagnostics, sources, files } = merged;
  const input = { diagnostics, sources, files, rules: ruleCatalog(), toolVersion: toolVersion() };
  io.stderr.write(formatReport(options.format ?? 'stylish', { ...input, color: useColor(io, io.stderr) }));
}
