// `npm run language-doc [-- --check]`: writes docs/language.md from the model's tables and the
// hand-written prose and examples of scripts/language/; --check writes nothing and exits 1 when
// the file is stale (CI runs it beside `rule-docs --check`).

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkOption } from './check-option.js';
import { LANGUAGE_DOC, languageDoc, languageDocIsCurrent } from './language/page.js';
import { ROOT } from './rules/examples.js';

const check = checkOption('language-doc');

if (check) {
  if (languageDocIsCurrent()) process.exit(0);
  console.error(`language-doc: ${LANGUAGE_DOC} is stale; run \`npm run language-doc\` and commit the result`);
  process.exit(1);
}

writeFileSync(join(ROOT, LANGUAGE_DOC), languageDoc());
console.log(`language-doc: wrote ${LANGUAGE_DOC}`);
