// `topodoc embed DOCS…`: refreshes the generated regions of Markdown files in place (atomically),
// or with --check reports the stale ones without writing.

import { dirname, resolve } from 'node:path';
import { loadConfig } from '../../config/load.js';
import type { TopodocConfig } from '../../config/types.js';
import { embedMarkdown, type TopologySource } from '../../embed/embed.js';
import { UserError } from '../../errors.js';
import { writeFileAtomic } from '../../fs/atomic.js';
import { displayPath } from '../../fs/display-path.js';
import { findProjectRoot } from '../../fs/project-root.js';
import { readInputFile } from '../../fs/read-input.js';
import { fileErrorReason } from '../../fs/reason.js';
import type { Topology } from '../../model/types.js';
import { decodeUtf8 } from '../../model/utf8.js';
import { analyzeFile } from '../../pipeline/analyze.js';
import type { CommandRun, ToolIo } from '../../pipeline/io.js';
import { configurableRuleIds, MODEL_ERROR_IDS } from '../../report/catalog.js';
import { printable } from '../../report/text.js';
import { parseCommandArgs } from '../args.js';
import { expandInputs } from '../inputs.js';

const HELP = `Usage: topodoc embed DOCS… [--check]

Replaces the content between <!-- topodoc:begin src=PATH view=VIEW [machine=NAME] [pod=NAME] -->
and <!-- topodoc:end --> in Markdown files with the generated view. src is relative to the
Markdown file. Views: tree, node, pod, cluster (ASCII), mermaid, processes, containers,
connections (tables); charset=ascii and width=N adjust the ASCII views.

Options:
  --check                write nothing; list stale regions and exit 1 when any
  --allow-outside-root   allow src= files outside the document's project root
  -h, --help             show this help

Exit codes: 0 up to date, 1 stale regions (--check) or problems in a document, 2 bad usage or a
document that is not UTF-8.
`;

const run: CommandRun = async (argv, io) => {
  const args = parseCommandArgs('embed', argv, {
    check: { type: 'boolean' },
    'allow-outside-root': { type: 'boolean' },
  });
  const allowOutsideRoot = args.values['allow-outside-root'] ?? false;
  if (args.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (args.positionals.length === 0)
    throw new UserError('topodoc embed needs at least one Markdown file or glob.');
  const docs = await expandInputs(args.positionals, io.cwd, 'Markdown file');
  const config = loadConfig(io.cwd, configurableRuleIds(), MODEL_ERROR_IDS);
  const sources = new Map<string, Promise<Topology | { problem: string }>>();
  let failed = false;
  /** A document that is not UTF-8 is unreadable input: exit 2, as in every command. */
  let unreadable = false;
  let stale = 0;

  for (const doc of docs) {
    const display = displayPath(io.cwd, doc);
    const text = await readMarkdown(doc, display, io);
    if (text === undefined) {
      unreadable = true;
      continue;
    }
    const loadSource: TopologySource = (src) => {
      const absolute = resolve(dirname(doc), src);
      let pending = sources.get(absolute);
      if (pending === undefined) {
        pending = loadTopologyForRegion(absolute, io, config, {
          confineEntryTo: findProjectRoot(dirname(doc)),
          allowOutsideRoot,
        });
        sources.set(absolute, pending);
      }
      return pending;
    };
    const result = await embedMarkdown(text, loadSource);
    for (const problem of result.problems) {
      io.stderr.write(`${display}:${problem.line}:${problem.column}: error: ${printable(problem.message)}\n`);
      failed = true;
    }
    if (result.markersBroken) {
      io.stderr.write(
        `${display}: left unchanged, because its markers have problems (fix them, then run embed again)\n`,
      );
      continue;
    }
    const changed = result.regions.filter((region) => region.changed);
    if (args.values.check) {
      for (const region of changed) {
        io.stdout.write(
          `${display}:${region.line}: stale region (view=${printable(region.view)} src=${printable(region.src)})\n`,
        );
      }
      stale += changed.length;
    } else if (result.text !== text) {
      try {
        await writeFileAtomic(doc, result.text);
      } catch (error) {
        throw new UserError(`Cannot write ${display}: ${fileErrorReason(error)}.`);
      }
      io.stdout.write(`${display}: ${changed.length} region${changed.length === 1 ? '' : 's'} updated\n`);
    }
  }
  if (args.values.check && stale > 0) {
    io.stdout.write(`${stale} stale region${stale === 1 ? '' : 's'}; run \`topodoc embed\` to refresh.\n`);
  }
  if (unreadable) return 2;
  return failed || stale > 0 ? 1 : 0;
};

/**
 * The document's text, or undefined after reporting a file that is not UTF-8: rewriting it would
 * replace bytes outside the regions.
 */
async function readMarkdown(doc: string, display: string, io: ToolIo): Promise<string | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await readInputFile(doc);
  } catch (error) {
    throw new UserError(`Cannot read ${display}: ${fileErrorReason(error)}.`);
  }
  const decoded = decodeUtf8(bytes);
  if (decoded.invalidAt === undefined) return decoded.text;
  const { line, column } = decoded.invalidAt.start;
  io.stderr.write(
    `${display}:${line}:${column}: error: invalid UTF-8 byte sequence; the file must be UTF-8 encoded, so it was left unchanged\n`,
  );
  return undefined;
}

async function loadTopologyForRegion(
  absolute: string,
  io: ToolIo,
  config: TopodocConfig,
  confinement: { confineEntryTo: string; allowOutsideRoot: boolean },
): Promise<Topology | { problem: string }> {
  const shown = displayPath(io.cwd, absolute);
  try {
    const analysis = await analyzeFile(absolute, { cwd: io.cwd, config, ...confinement });
    if (analysis.renderable) return analysis.model;
    return {
      problem: `${shown} has ${analysis.errorCount} error${analysis.errorCount === 1 ? '' : 's'}; run \`topodoc check ${shown}\` to see them.`,
    };
  } catch (error) {
    if (error instanceof UserError) return { problem: error.message };
    throw error;
  }
}

export { run };
