// Decides where the formatter prints each comment: on its own lines before a statement, at the end
// of a statement's last line, after a block's `{`, or at the end of a body (file or block).

import type { SourceText } from '../diagnostics.js';
import type { BlockStatement, Comment, Document, Statement } from '../parser/ast.js';
import { isNextLineDirective } from './directives.js';

/** The statements' owner: the file or a block with a body. */
export type Body = Document | BlockStatement;

export interface CommentPlacement {
  /** Own-line comments printed before the statement (they move with it when properties are sorted). */
  leading: Map<Statement, Comment[]>;
  /** The comment at the end of the statement's (last) line. */
  trailing: Map<Statement, Comment>;
  /** The comment right after a block's `{`. */
  afterOpenBrace: Map<BlockStatement, Comment>;
  /** Own-line comments after the last statement of a body. */
  dangling: Map<Body, Comment[]>;
}

/**
 * Own-line comments attach to the next statement of the same body, else to the end of the body.
 * An end-of-line comment attaches to the statement of that body ending on its line, else to the
 * `{` of the block whose header is on its line, else it is treated like an own-line comment.
 * A `topodoc-disable-next-line` directive attaches to the statement it acts on (the first one
 * starting on a later line, wherever it is), else to the end of its body, so that sorting the
 * properties never changes what it suppresses.
 */
export function placeComments(document: Document): CommentPlacement {
  const placement: CommentPlacement = {
    leading: new Map(),
    trailing: new Map(),
    afterOpenBrace: new Map(),
    dangling: new Map(),
  };
  const comments = document.comments;
  const targetOf = directiveTargets(document);
  let next = 0;

  const placeUntil = (owner: Body, previous: Statement | undefined, limit: number, following?: Statement) => {
    while (next < comments.length && (comments[next]?.start ?? limit) < limit) {
      const comment = comments[next++] as Comment;
      const directive = isNextLineDirective(comment);
      if (
        !directive &&
        !comment.ownLine &&
        placeEndOfLine(placement, document.source, owner, previous, comment)
      )
        continue;
      const target = directive ? targetOf(comment) : following;
      if (target === undefined) push(placement.dangling, owner, comment);
      else push(placement.leading, target, comment);
    }
  };

  const walk = (owner: Body, statements: readonly Statement[], end: number) => {
    let previous: Statement | undefined;
    for (const statement of statements) {
      placeUntil(owner, previous, statement.start, statement);
      if (statement.type === 'Block' && statement.body !== undefined) {
        walk(statement, statement.body, statement.end);
      }
      previous = statement;
    }
    placeUntil(owner, previous, end);
  };

  walk(document, document.body, Number.POSITIVE_INFINITY);
  return placement;
}

/** For comments in source order: the first statement, at any depth, that starts on a later line. */
function directiveTargets(document: Document): (comment: Comment) => Statement | undefined {
  const statements: Statement[] = [];
  const collect = (body: readonly Statement[]) => {
    for (const statement of body) {
      statements.push(statement);
      if (statement.type === 'Block' && statement.body !== undefined) collect(statement.body);
    }
  };
  collect(document.body);
  let index = 0;
  const lineAt = (offset: number) => document.source.lineAt(offset);
  const startLine = (position: number) => {
    const statement = statements[position];
    return statement === undefined ? Number.POSITIVE_INFINITY : lineAt(statement.start);
  };
  return (comment) => {
    const line = lineAt(comment.start);
    while (startLine(index) <= line) index++;
    return statements[index];
  };
}

function placeEndOfLine(
  placement: CommentPlacement,
  source: SourceText,
  owner: Body,
  previous: Statement | undefined,
  comment: Comment,
): boolean {
  const line = source.lineAt(comment.start);
  if (previous !== undefined && source.lineAt(previous.end) === line && !placement.trailing.has(previous)) {
    placement.trailing.set(previous, comment);
    return true;
  }
  if (
    previous === undefined &&
    owner.type === 'Block' &&
    source.lineAt(owner.headerEnd) === line &&
    !placement.afterOpenBrace.has(owner)
  ) {
    placement.afterOpenBrace.set(owner, comment);
    return true;
  }
  return false;
}

function push<K>(map: Map<K, Comment[]>, key: K, comment: Comment): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [comment]);
  else list.push(comment);
}
