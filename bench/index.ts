// `npm run bench [check|manifests|diff|layout|svg|process]`: every benchmark, each printing its figures next to a
// baseline measured in the same run (parse+check vs JSON.parse; manifests vs the yaml package's parse; diff vs loading both; the gallery's containment violations and area per entity;
// per-file mmdc vs topodoc build; cold build vs rebuild; whole processes against bare node, mmdc and JSON.parse).

import { benchCheck } from './check.js';
import { benchDiff } from './diff.js';
import { benchLayout } from './layout.js';
import { benchManifests } from './manifests.js';
import { benchProcess } from './process.js';
import { benchSvg } from './svg.js';

const BENCHES: Record<string, () => Promise<string[]>> = {
  check: benchCheck,
  manifests: benchManifests,
  diff: benchDiff,
  layout: benchLayout,
  svg: benchSvg,
  process: benchProcess,
};

const only = process.argv[2];
if (only !== undefined && !(only in BENCHES)) {
  console.error(`Unknown benchmark "${only}"; choose one of ${Object.keys(BENCHES).join(', ')}.`);
  process.exit(2);
}
for (const [name, bench] of Object.entries(BENCHES)) {
  if (only !== undefined && only !== name) continue;
  console.log((await bench()).join('\n'));
  console.log('');
}
