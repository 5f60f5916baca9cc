// Loads a topology: reads the entry file and its imports (each once, confined to the project
// root, cycles refused at the closing import) statement by statement into one merged model.

import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { sortDiagnostics } from '../diagnostics.js';
import { UserError } from '../errors.js';
import { displayPath } from '../fs/display-path.js';
import { findProjectRoot, isInsideReally } from '../fs/project-root.js';
import { readInputFile } from '../fs/read-input.js';
import { fileErrorReason } from '../fs/reason.js';
import { isManifestPath } from '../manifests/facts.js';
import type { PropertyStatement } from '../parser/ast.js';
import {
  NotWellFormedError,
  parse,
  parseWithGrammar,
  readStatements,
  readTree,
  type StatementReader,
  stripBom,
} from '../parser/index.js';
import { looksBinary } from './binary.js';
import { ModelBuilder } from './build.js';
import { manifestPaths } from './manifest-paths.js';
import { Reporter } from './report.js';
import type { Topology } from './types.js';
import { decodeUtf8 } from './utf8.js';

/** How many files deep imports may nest (a file importing a file importing …), like block nesting. */
export const MAX_IMPORT_DEPTH = 64;

export interface LoadOptions {
  /** Display paths are relative to it (default `process.cwd()`). */
  cwd?: string;
  /** Lifts the confinement of imports (and of the entry, with `confineEntryTo`) to the project root. */
  allowOutsideRoot?: boolean;
  /**
   * The project root the entry file itself must be inside (embed regions and plugin blocks, whose
   * `src=` a document names): refused with a UserError when outside, unless `allowOutsideRoot`.
   */
  confineEntryTo?: string;
  readFile?: (absolutePath: string) => Promise<string | Uint8Array>;
  /** Rule ids suppression directives may name (default: any kebab-case id). */
  knownRuleIds?: readonly string[];
}

export interface LoadResult {
  /** Always present (possibly partial). */
  model: Topology;
  /** Syntax errors only if any file has them, else model errors; sorted. */
  diagnostics: Diagnostic[];
  /** Display path → text, every file read. */
  sources: Map<string, string>;
  /** Absolute paths of imports that could not be read (missing, unreadable): creating one changes the result. */
  unreadImports: string[];
  hasSyntaxErrors: boolean;
}

/**
 * Reads the file named by the user; a missing file is a UserError. Kubernetes manifests (`.yaml`,
 * `.yml`, `.json`, or a directory of them) are read by load-manifests.ts, loaded only then.
 */
export async function loadTopology(entryPath: string, options: LoadOptions = {}): Promise<LoadResult> {
  const manifests = await manifestPaths(entryPath, options);
  if (manifests) return (await import('./load-manifests.js')).loadManifests(manifests, options);
  const cwd = options.cwd ?? process.cwd();
  const absolute = path.resolve(cwd, entryPath);
  const display = displayPath(cwd, absolute);
  const root = options.confineEntryTo;
  if (root !== undefined && !options.allowOutsideRoot && !(await isInsideReally(root, absolute))) {
    throw new UserError(
      `Cannot read ${display}: it is outside the project root (${displayPath(cwd, root)}); pass --allow-outside-root to allow it.`,
    );
  }
  let content: string | Uint8Array;
  try {
    content = await (options.readFile ?? readInputFile)(absolute);
  } catch (error) {
    throw new UserError(entryReadMessage(display, error));
  }
  if (typeof content !== 'string' && looksBinary(content)) throw new UserError(binaryMessage(display));
  return load(cwd, absolute, options, display, content);
}

/** Loads text that is not read from disk (stdin, an editor buffer); imports are relative to `displayPath`. */
export async function loadTopologyFromText(
  text: string,
  displayPathOfText: string,
  options: LoadOptions = {},
): Promise<LoadResult> {
  if (isManifestPath(displayPathOfText)) {
    const { loadManifestTexts } = await import('./load-manifests.js');
    return loadManifestTexts([{ file: displayPathOfText, text: stripBom(text) }], options);
  }
  const cwd = options.cwd ?? process.cwd();
  return load(cwd, path.resolve(cwd, displayPathOfText), options, displayPathOfText, text);
}

/**
 * Each file is read statement by statement into the model, its syntax tree never built whole (a
 * large file's tree is as large as its model). A file with a syntax error the fast reader leaves to
 * the grammar stops that reading: the model is then built again from whole trees, which the grammar
 * makes with its error reports and recovery (that file's straight away: the fast reader refused it).
 */
async function load(
  cwd: string,
  absolute: string,
  options: LoadOptions,
  display: string,
  content: string | Uint8Array,
): Promise<LoadResult> {
  let malformed: string;
  try {
    return await new Loader(cwd, absolute, options, readStatements).load(display, content);
  } catch (error) {
    if (!(error instanceof NotWellFormedError)) throw error;
    malformed = error.file;
  }
  const readParsed = (text: string, file: string): StatementReader => {
    const { document, diagnostics } = file === malformed ? parseWithGrammar(text, file) : parse(text, file);
    return readTree(document, diagnostics);
  };
  return new Loader(cwd, absolute, options, readParsed).load(display, content);
}

function entryReadMessage(display: string, error: unknown): string {
  const reason = fileErrorReason(error);
  if (reason === 'it is a directory') return `Cannot read ${display}: it is a directory, not a .topo file.`;
  return `Cannot read ${display}: ${reason}.`;
}

function binaryMessage(display: string): string {
  return `Cannot read ${display}: it looks like a binary file, not UTF-8 text.`;
}

/** One file to read: where it is, how it is shown, and its statements. */
interface OpenFile {
  absolute: string;
  display: string;
  reader: StatementReader;
}

class Loader {
  private readonly root: string;
  /** Absolute path → display path of every file read. */
  private readonly files = new Map<string, string>();
  private readonly sources = new Map<string, string>();
  private readonly syntaxErrors: Diagnostic[] = [];
  private readonly importErrors: Diagnostic[] = [];
  private readonly unreadImports = new Set<string>();

  /** @param readText how a file's text is read: statement by statement, or parsed whole first */
  constructor(
    private readonly cwd: string,
    private readonly entryAbsolute: string,
    private readonly options: LoadOptions,
    private readonly readText: (text: string, file: string) => StatementReader,
  ) {
    this.root = findProjectRoot(path.dirname(entryAbsolute));
  }

  async load(entryDisplay: string, content: string | Uint8Array): Promise<LoadResult> {
    const entry = this.open(this.entryAbsolute, entryDisplay, content);
    const builder = new ModelBuilder(
      entryDisplay,
      entry.reader.source,
      this.options.knownRuleIds ? { knownRuleIds: this.options.knownRuleIds } : {},
    );
    await this.read(entry, builder, []);
    const built = builder.finish();
    const hasSyntaxErrors = this.syntaxErrors.length > 0;
    const diagnostics = hasSyntaxErrors
      ? sortDiagnostics(this.syntaxErrors)
      : sortDiagnostics([...this.importErrors, ...built.diagnostics]);
    return {
      model: built.model,
      diagnostics,
      sources: this.sources,
      unreadImports: [...this.unreadImports],
      hasSyntaxErrors,
    };
  }

  private open(absolute: string, display: string, content: string | Uint8Array): OpenFile {
    const decoded = typeof content === 'string' ? { text: content } : decodeUtf8(content);
    const reader = this.readText(decoded.text, display);
    // Positions count from the text without its BOM (the parser's convention), so code frames do too.
    this.sources.set(display, reader.source.text);
    this.files.set(absolute, display);
    if (decoded.invalidAt) {
      const { start, end } = decoded.invalidAt;
      this.syntaxErrors.push({
        file: display,
        range: { start, end },
        severity: 'error',
        source: 'parser',
        ruleId: 'syntax',
        message: 'invalid UTF-8 byte sequence; the file must be UTF-8 encoded',
      });
    }
    return { absolute, display, reader };
  }

  /**
   * Reads the file into the model, and each file it imports where its import stands.
   * @param chain absolute paths of the files importing this one, outermost first
   */
  private async read(file: OpenFile, builder: ModelBuilder, chain: readonly string[]): Promise<void> {
    const { reader } = file;
    const reporter = new Reporter(reader.source);
    const inner = [...chain, file.absolute];
    builder.beginFile(file.display, reader);
    for (let statement = reader.next(); statement !== undefined; statement = reader.next()) {
      const imported = builder.fileStatement(statement);
      if (imported === undefined) continue;
      const directory = path.dirname(file.absolute);
      await this.importFile(imported.statement, imported.target, directory, inner, reporter, builder);
    }
    builder.endFile();
    this.syntaxErrors.push(...reader.diagnostics());
    this.importErrors.push(...reporter.diagnostics);
  }

  private async importFile(
    statement: PropertyStatement,
    written: string,
    directory: string,
    chain: readonly string[],
    reporter: Reporter,
    builder: ModelBuilder,
  ): Promise<void> {
    const absolute = path.resolve(directory, written);
    const cycleStart = chain.indexOf(absolute);
    if (cycleStart !== -1) {
      const cycle = [...chain.slice(cycleStart), absolute].map((file) => this.displayOf(file));
      reporter.report(
        'import-error',
        statement,
        `import cycle: ${cycle.join(' → ')}; this import is ignored`,
      );
      return;
    }
    // Read already (imported before): its statements are in the model once.
    if (this.files.has(absolute)) return;
    if (chain.length > MAX_IMPORT_DEPTH) {
      reporter.report(
        'import-error',
        statement,
        `cannot import ${JSON.stringify(written)}: imports nest more than ${MAX_IMPORT_DEPTH} files deep; this import is ignored`,
      );
      return;
    }
    if (!this.options.allowOutsideRoot && !(await isInsideReally(this.root, absolute))) {
      const root = displayPath(this.cwd, this.root);
      reporter.report(
        'import-error',
        statement,
        `cannot import ${JSON.stringify(written)}: it is outside the project root (${root}); pass --allow-outside-root to allow it`,
      );
      return;
    }
    let content: string | Uint8Array;
    try {
      content = await (this.options.readFile ?? readInputFile)(absolute);
    } catch (error) {
      this.unreadImports.add(absolute);
      reporter.report(
        'import-error',
        statement,
        `cannot import ${JSON.stringify(written)}: ${fileErrorReason(error)}`,
      );
      return;
    }
    if (typeof content !== 'string' && looksBinary(content)) {
      reporter.report(
        'import-error',
        statement,
        `cannot import ${JSON.stringify(written)}: it looks like a binary file, not UTF-8 text`,
      );
      return;
    }
    await this.read(this.open(absolute, displayPath(this.cwd, absolute), content), builder, chain);
  }

  private displayOf(absolute: string): string {
    return this.files.get(absolute) ?? displayPath(this.cwd, absolute);
  }
}
