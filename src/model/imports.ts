// The `import "x"` statements of one parsed file: what tells an imported fragment (`shared/*.topo`)
// from a document when a directory is expanded. (The loader follows the imports the model builder
// hands it, each an `ImportToRead`, as the model reads them.)

import type { PropertyStatement, Statement } from '../parser/ast.js';

/** A well-formed `import` statement of the file level and the path it names, relative to its file. */
export interface ImportToRead {
  statement: PropertyStatement;
  target: string;
}

/** The `import "x"` statements at the top level of a file, with their path. */
export function importStatements(body: readonly Statement[]): ImportToRead[] {
  const imports: ImportToRead[] = [];
  for (const statement of body) {
    if (statement.type !== 'Property' || statement.name.text !== 'import') continue;
    const [value, ...rest] = statement.values;
    if (value?.type === 'String' && rest.length === 0) imports.push({ statement, target: value.value });
  }
  return imports;
}
