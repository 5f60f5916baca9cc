// Loads a topology: reads the entry file and its imports (each once, confined to the project
// root, cycles refused at the closing import), parses them and builds one merged model.

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
import { parse, stripBom } from '../parser/index.js';
import { looksBinary } from './binary.js';
import { buildModel, type SourceFile } from './build.js';
import { importStatements } from './imports.js';
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
  return new Loader(cwd, absolute, options).load(display, content);
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
  return new Loader(cwd, path.resolve(cwd, displayPathOfText), options).load(displayPathOfText, text);
}

function entryReadMessage(display: string, error: unknown): string {
  const reason = fileErrorReason(error);
  if (reason === 'it is a directory') return `Cannot read ${display}: it is a directory, not a .topo file.`;
  return `Cannot read ${display}: ${reason}.`;
}

function binaryMessage(display: string): string {
  return `Cannot read ${display}: it looks like a binary file, not UTF-8 text.`;
}

interface MutableSourceFile extends SourceFile {
  imports: Map<PropertyStatement, SourceFile>;
}

class Loader {
  private readonly root: string;
  private readonly files = new Map<string, MutableSourceFile>();
  private readonly sources = new Map<string, string>();
  private readonly syntaxErrors: Diagnostic[] = [];
  private readonly importErrors: Diagnostic[] = [];
  private readonly unreadImports = new Set<string>();

  constructor(
    private readonly cwd: string,
    private readonly entryAbsolute: string,
    private readonly options: LoadOptions,
  ) {
    this.root = findProjectRoot(path.dirname(entryAbsolute));
  }

  async load(entryDisplay: string, content: string | Uint8Array): Promise<LoadResult> {
    const entry = await this.loadFile(this.entryAbsolute, entryDisplay, content, []);
    const built = buildModel(
      entry,
      this.options.knownRuleIds ? { knownRuleIds: this.options.knownRuleIds } : {},
    );
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

  /** @param chain absolute paths of the files importing this one, outermost first */
  private async loadFile(
    absolute: string,
    display: string,
    content: string | Uint8Array,
    chain: readonly string[],
  ): Promise<SourceFile> {
    const decoded = typeof content === 'string' ? { text: content } : decodeUtf8(content);
    const { document, diagnostics } = parse(decoded.text, display);
    // Positions count from the text without its BOM (the parser's convention), so code frames do too.
    this.sources.set(display, document.source.text);
    this.syntaxErrors.push(...diagnostics);
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
    const source: MutableSourceFile = { file: display, document, imports: new Map() };
    this.files.set(absolute, source);
    const reporter = new Reporter(document.source);
    const inner = [...chain, absolute];
    for (const { statement, target } of importStatements(document.body)) {
      const imported = await this.importFile(statement, target, path.dirname(absolute), inner, reporter);
      if (imported) source.imports.set(statement, imported);
    }
    this.importErrors.push(...reporter.diagnostics);
    return source;
  }

  private async importFile(
    statement: PropertyStatement,
    written: string,
    directory: string,
    chain: readonly string[],
    reporter: Reporter,
  ): Promise<SourceFile | undefined> {
    const absolute = path.resolve(directory, written);
    const cycleStart = chain.indexOf(absolute);
    if (cycleStart !== -1) {
      const cycle = [...chain.slice(cycleStart), absolute].map((file) => this.displayOf(file));
      reporter.report(
        'import-error',
        statement,
        `import cycle: ${cycle.join(' → ')}; this import is ignored`,
      );
      return undefined;
    }
    const known = this.files.get(absolute);
    if (known) return known;
    if (chain.length > MAX_IMPORT_DEPTH) {
      reporter.report(
        'import-error',
        statement,
        `cannot import ${JSON.stringify(written)}: imports nest more than ${MAX_IMPORT_DEPTH} files deep; this import is ignored`,
      );
      return undefined;
    }
    if (!this.options.allowOutsideRoot && !(await isInsideReally(this.root, absolute))) {
      const root = displayPath(this.cwd, this.root);
      reporter.report(
        'import-error',
        statement,
        `cannot import ${JSON.stringify(written)}: it is outside the project root (${root}); pass --allow-outside-root to allow it`,
      );
      return undefined;
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
      return undefined;
    }
    if (typeof content !== 'string' && looksBinary(content)) {
      reporter.report(
        'import-error',
        statement,
        `cannot import ${JSON.stringify(written)}: it looks like a binary file, not UTF-8 text`,
      );
      return undefined;
    }
    return this.loadFile(absolute, displayPath(this.cwd, absolute), content, chain);
  }

  private displayOf(absolute: string): string {
    return this.files.get(absolute)?.file ?? displayPath(this.cwd, absolute);
  }
}
