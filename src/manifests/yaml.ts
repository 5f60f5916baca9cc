// Reads the text of one manifest file (YAML or JSON, one or more documents) into yaml's documents,
// within bounds: nesting depth is checked token by token before yaml builds anything deeper, and
// YAML errors and tags outside the core schema (`!!js/function`, `!Ref`) become problems.

import { Composer, type Document, Lexer, Parser } from 'yaml';

/** Collections nested deeper than this are refused (Kubernetes objects nest a few dozen levels at most). */
export const MAX_YAML_NESTING = 256;

/** Where (offsets into the text) and what, as one clause without a trailing period. */
export interface YamlProblem {
  start: number;
  end: number;
  message: string;
}

export interface ParsedYaml {
  documents: Document.Parsed[];
  problems: YamlProblem[];
}

/**
 * YAML 1.1, as Kubernetes reads manifests (sigs.k8s.io/yaml on go-yaml v2): `yes`/`no`/`on`/`off`
 * are booleans, `0644` is octal, `<<` merges mappings.
 */
const COMPOSER_OPTIONS = { version: '1.1', prettyErrors: false, strict: true, uniqueKeys: true } as const;

/**
 * Every document of `text` (a leading BOM already removed), composed by yaml with positions.
 * Never throws on bad input: a file nested too deep gives no documents and one problem.
 */
export function parseYaml(text: string): ParsedYaml {
  const parser = new Parser();
  const composer = new Composer(COMPOSER_OPTIONS);
  const documents: Document.Parsed[] = [];
  const compose = (tokens: Iterable<Parameters<Composer['next']>[0]>) => {
    for (const token of tokens) for (const document of composer.next(token)) documents.push(document);
  };
  for (const lexeme of new Lexer().lex(text)) {
    compose(parser.next(lexeme));
    // The parser's stack holds one entry per open collection: refuse before it grows without bound.
    if (parser.stack.length > MAX_YAML_NESTING) {
      const start = Math.min(parser.offset, text.length);
      const message = `the YAML nests collections more than ${MAX_YAML_NESTING} levels deep; a Kubernetes object never needs that`;
      return { documents: [], problems: [{ start, end: start, message }] };
    }
  }
  compose(parser.end());
  for (const document of composer.end()) documents.push(document);
  return { documents, problems: documents.flatMap((document) => documentProblems(document, text)) };
}

function documentProblems(document: Document.Parsed, text: string): YamlProblem[] {
  const problems: YamlProblem[] = document.errors.map((error) => ({
    start: error.pos[0],
    end: error.pos[1],
    message: `invalid YAML: ${clause(error.message)}`,
  }));
  for (const warning of document.warnings) {
    if (warning.code !== 'TAG_RESOLVE_FAILED') continue;
    const [start, end] = warning.pos;
    problems.push({ start, end, message: refusedTagMessage(text.slice(start, end)) });
  }
  return problems;
}

/** yaml's sentence as a clause: its first line, lower-case start, no final period. */
function clause(message: string): string {
  const line = (message.split('\n')[0] ?? '').trim().replace(/\.$/, '');
  return line.charAt(0).toLowerCase() + line.slice(1);
}

function refusedTagMessage(tag: string): string {
  const shown = tag.length > 40 ? `${tag.slice(0, 39)}…` : tag;
  return `the YAML tag \`${shown}\` is not allowed: Kubernetes reads plain strings, numbers, booleans, lists and mappings only`;
}
