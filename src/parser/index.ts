// The parser stage: `.topo` text → syntax tree (ast.ts) + `syntax` diagnostics, or the statements
// one at a time (reader.ts) for a text without syntax errors. `parse` never throws on bad input.

import type { ILexingError, IToken } from 'chevrotain';
import { type Diagnostic, SourceText, sortDiagnostics } from '../diagnostics.js';
import type { Comment, Document, StatementHead } from './ast.js';
import { tokenMatcher } from './chevrotain.js';
import { HashComment, lex, UnterminatedString, UnterminatedTriple, Word } from './lexer.js';
import { messages } from './messages.js';
import { NodeBuilder, type Report, tokenEnd } from './nodes.js';
import { TopoParser } from './parser.js';
import type { StatementReader } from './reader.js';
import { Scanner } from './scanner.js';
import { readWellFormed, type StatementsAndComments, WellFormedStatements } from './well-formed.js';

export { MAX_DIGITS } from './nodes.js';
export { MAX_NESTING } from './parser.js';
export { readTree, type StatementReader } from './reader.js';
export { NotWellFormedError } from './well-formed.js';

/** At most this many diagnostics per file; the last one then says how many were left out. */
export const MAX_DIAGNOSTICS = 1000;

export interface ParseResult {
  document: Document;
  diagnostics: Diagnostic[];
}

interface Problem {
  start: number;
  end: number;
  message: string;
}

let sharedParser: TopoParser | undefined;

/** A leading byte order mark is not part of the text: every offset is counted without it. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Parses one file. Tree nodes hold `start`/`end` offsets, 0-based into the text WITHOUT a leading
 * BOM (see `stripBom`), ends exclusive; `document.source` turns them into 1-based line and column
 * positions (columns in UTF-16 code units), as the diagnostics carry them.
 * Diagnostics are `syntax` errors from the `parser` source, sorted, deduplicated and capped at
 * MAX_DIAGNOSTICS. After a damaged statement parsing resumes at the next line, `;` or `}`.
 */
export function parse(text: string, file: string): ParseResult {
  return parseText(text, file, true);
}

/** `parse` read by the grammar alone, for a text the fast reader refused already (tests compare the two). */
export function parseWithGrammar(text: string, file: string): ParseResult {
  return parseText(text, file, false);
}

function parseText(text: string, file: string, tryFastReader: boolean): ParseResult {
  const source = new SourceText(file, stripBom(text));
  const problems: Problem[] = [];
  const read =
    (tryFastReader ? parseFast(source, problems) : undefined) ?? parseWithRecovery(source, problems);
  const document: Document = {
    type: 'Document',
    source,
    body: read.statements,
    comments: read.comments.map((token) => commentNode(token, source)),
    start: 0,
    end: source.text.length,
  };
  return { document, diagnostics: toDiagnostics(problems, source) };
}

/**
 * Reads a file statement by statement (reader.ts) without building its tree, for the model builder:
 * the tree of a large file then never exists whole. Only a text the fast reader reads (well-formed.ts)
 * can be read so: at the first syntax error the grammar must judge, `next` throws NotWellFormedError
 * and the file is to be read with `parse`. Errors within one token (a bad escape, a number too long)
 * do not stop the reading; they are the reader's `diagnostics`, as `parse` would give them.
 */
export function readStatements(text: string, file: string): StatementReader {
  return new StreamedStatements(new SourceText(file, stripBom(text)));
}

class StreamedStatements implements StatementReader {
  private readonly problems: Problem[] = [];
  private readonly scanner: Scanner;
  private readonly statements: WellFormedStatements;

  constructor(readonly source: SourceText) {
    this.scanner = new Scanner(source.text);
    this.statements = new WellFormedStatements(
      this.scanner,
      new NodeBuilder(source, reporterTo(this.problems)),
    );
  }

  next(): StatementHead | undefined {
    return this.statements.next();
  }

  enterBody(): boolean {
    return this.statements.enterBody();
  }

  comments(): Comment[] {
    return this.scanner.comments.map((token) => commentNode(token, this.source));
  }

  diagnostics(): Diagnostic[] {
    return toDiagnostics(this.problems, this.source);
  }

  /** In a text read without a syntax error the first word after a comment (or the start) begins a statement: values stay on their statement's line. */
  firstStatementAfter(offset: number): number | undefined {
    const scanner = new Scanner(this.source.text, offset);
    while (scanner.next()) if (scanner.type === Word) return scanner.start;
    return undefined;
  }
}

/**
 * Reads the statements with the fast reader (well-formed.ts), which gives up at the first syntax error:
 * its reports are then dropped and the lexer and grammar read the file again, with their recovery and reports.
 */
function parseFast(source: SourceText, problems: Problem[]): StatementsAndComments | undefined {
  const reported: Problem[] = [];
  const read = readWellFormed(source.text, new NodeBuilder(source, reporterTo(reported)));
  if (read === undefined) return undefined;
  for (const problem of reported) problems.push(problem);
  return read;
}

function parseWithRecovery(source: SourceText, problems: Problem[]): StatementsAndComments {
  const lexed = lex(source.text);
  let pathEnd = -1;
  for (const error of lexed.errors) {
    if (error.offset < pathEnd) continue; // a later `/` of an unquoted path already reported
    const path = unquotedPathProblem(source.text, error.offset);
    if (path) pathEnd = path.end;
    problems.push(path ?? lexingProblem(source.text, error));
  }
  for (const token of lexed.tokens) {
    if (tokenMatcher(token, UnterminatedString) || tokenMatcher(token, UnterminatedTriple)) {
      problems.push({
        start: token.startOffset,
        end: tokenEnd(token),
        message: messages.unterminatedString(token),
      });
    }
  }
  sharedParser ??= new TopoParser();
  const statements = sharedParser.parseTokens(lexed.tokens, new NodeBuilder(source, reporterTo(problems)));
  return { statements, comments: lexed.comments };
}

function reporterTo(problems: Problem[]): Report {
  return (start, end, message) => problems.push({ start, end, message });
}

/** A `/` followed by more path: a path written without quotes (`mount data at /data`). */
const UNQUOTED_PATH = /\/[^\s;{}#",/][^\s;{}#",]*/y;

/** The unquoted path starting at `offset`, as one problem saying paths are strings. */
function unquotedPathProblem(source: string, offset: number): Problem | undefined {
  UNQUOTED_PATH.lastIndex = offset;
  const path = UNQUOTED_PATH.exec(source)?.[0];
  if (path === undefined) return undefined;
  return { start: offset, end: offset + path.length, message: messages.unquotedPath(path) };
}

function lexingProblem(source: string, error: ILexingError): Problem {
  const text = source.slice(error.offset, error.offset + error.length);
  return {
    start: error.offset,
    end: error.offset + error.length,
    message: messages.unexpectedCharacters(text),
  };
}

function commentNode(token: IToken, source: SourceText): Comment {
  const marker = tokenMatcher(token, HashComment) ? '#' : '//';
  return {
    type: 'Comment',
    marker,
    text: token.image.slice(marker.length),
    ownLine: source.isFirstOnLine(token.startOffset),
    start: token.startOffset,
    end: tokenEnd(token),
  };
}

function toDiagnostics(problems: readonly Problem[], source: SourceText): Diagnostic[] {
  const seen = new Set<string>();
  const unique: Diagnostic[] = [];
  for (const problem of problems) {
    const key = `${problem.start}:${problem.end}:${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(syntaxDiagnostic(source, problem));
  }
  const sorted = sortDiagnostics(unique);
  if (sorted.length <= MAX_DIAGNOSTICS) return sorted;
  const kept = sorted.slice(0, MAX_DIAGNOSTICS - 1);
  const end = source.text.length;
  const omitted = sorted.length - kept.length;
  kept.push(syntaxDiagnostic(source, { start: end, end, message: messages.tooManyErrors(omitted) }));
  return kept;
}

function syntaxDiagnostic(source: SourceText, problem: Problem): Diagnostic {
  return {
    file: source.file,
    range: source.range(problem.start, problem.end),
    severity: 'error',
    source: 'parser',
    ruleId: 'syntax',
    message: problem.message,
  };
}
