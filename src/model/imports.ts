// The `import "x"` statements of one parsed file: what tells an imported fragment (`shared/*.topo`)
// from a document when a directory is expanded. (The loader follows imports as the model reads them.)

import type { PropertyStatement, Statement } from '../parser/ast.js';

/** The `import "x"` statements at the top level of a file, with their path. */
export function importStatements(
  body: readonly Statement[],
): { statement: PropertyStatement; target: string }[] {
  const imports: { statement: PropertyStatement; target: string }[] = [];
  for (const statement of body) {
    if (statement.type !== 'Property' || statement.name.text !== 'import') continue;
    const [value, ...rest] = statement.values;
    if (value?.type === 'String' && rest.length === 0) imports.push({ statement, target: value.value });
  }
  return imports;
}
