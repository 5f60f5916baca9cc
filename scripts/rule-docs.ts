// `npm run rule-docs [-- --check]`: writes docs/rules/<id>.md and the rule table of
// docs/rules/README.md from each rule's meta and examples file; --check writes nothing and exits 1
// when a generated file is stale (CI runs it, like the gallery's `build --check`).

import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkOption } from './check-option.js';
import { ROOT } from './rules/examples.js';
import { generatedDocs, orphanPages, staleDocs } from './rules/pages.js';

const check = checkOption('rule-docs');

if (check) {
  const stale = staleDocs();
  for (const path of stale) console.error(`rule-docs: ${path} is stale`);
  if (stale.length > 0) console.error('rule-docs: run `npm run rule-docs` and commit the result');
  process.exit(stale.length > 0 ? 1 : 0);
}

const docs = generatedDocs();
for (const path of orphanPages(docs)) rmSync(join(ROOT, path));
for (const [path, text] of docs) writeFileSync(join(ROOT, path), text);
console.log(`rule-docs: wrote ${docs.size} files`);
