// Benchmark: `diff` of two large topologies (10,000 pods, 1% of them changed) against the time to
// load both, measured in the same run.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareModels } from '../src/diff/compare.js';
import { loadTopology } from '../src/model/index.js';
import { generateTopology } from './generate.js';
import { median, timeItAsync } from './timing.js';

const RUNS = 5;

export async function benchDiff(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'topodoc-bench-diff-'));
  try {
    const generated = generateTopology(5);
    let pod = 0;
    // Every 100th pod's app image changes: 1% of the pods.
    const changed = generated.topo.replace(/image "nginx:1\.27"/g, (match) =>
      pod++ % 100 === 0 ? 'image "nginx:1.28"' : match,
    );
    writeFileSync(join(dir, 'a.topo'), generated.topo);
    writeFileSync(join(dir, 'b.topo'), changed);
    const load = async () =>
      Promise.all([loadTopology('a.topo', { cwd: dir }), loadTopology('b.topo', { cwd: dir })]);
    let differences = 0;
    const [a, b] = await load();
    const loading = median(await timeItAsync(RUNS, load));
    const comparing = median(
      await timeItAsync(RUNS, async () => {
        differences = compareModels(a.model, b.model).length;
      }),
    );
    return [
      `diff: compare vs loading both (median of ${RUNS} runs)`,
      `  ${generated.pods} pods, ${differences} differences: load both ${loading.toFixed(0)} ms, compare ${comparing.toFixed(0)} ms, ratio ${(comparing / loading).toFixed(2)}×`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
