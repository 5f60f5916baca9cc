// Benchmark: parse + model + check throughput on generated clusters at 1× and 4× size and on one of
// workloads expanded into 2 000 pods, against reading and JSON.parse-ing the same content as JSON
// (the expanded pods, for workloads), measured in the same run; then the parser's two readers on
// the 4× file: the fast reader `parse` takes against the Chevrotain lexer and grammar alone
// (docs/parser.md).

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_CONFIG } from '../src/config/types.js';
import { parse, parseWithGrammar } from '../src/parser/index.js';
import { analyzeFile } from '../src/pipeline/analyze.js';
import { type GeneratedTopology, generateTopology, generateWorkloadTopology } from './generate.js';
import { median, timeIt, timeItAsync } from './timing.js';

const RUNS = 7;

/** `parse` (the fast reader) against `parseWithGrammar` (Chevrotain alone), run alternately on one text. */
function benchReaders(text: string): string[] {
  const fast: number[] = [];
  const grammar: number[] = [];
  const once = (read: typeof parse, samples: number[]) => {
    const start = performance.now();
    const { diagnostics } = read(text, 'bench.topo');
    samples.push(performance.now() - start);
    if (diagnostics.length > 0) throw new Error('generated topology has syntax errors');
  };
  once(parse, []);
  once(parseWithGrammar, []);
  for (let i = 0; i < RUNS; i++) {
    once(parse, fast);
    once(parseWithGrammar, grammar);
  }
  const mb = Buffer.byteLength(text) / 1e6;
  const [ours, theirs] = [median(fast), median(grammar)];
  return [
    `parse only, ${mb.toFixed(2)} MB (median of ${RUNS} alternating runs)`,
    `  fast reader ${ours.toFixed(1)} ms (${(mb / (ours / 1000)).toFixed(1)} MB/s)  Chevrotain lexer + grammar ${theirs.toFixed(1)} ms (${(mb / (theirs / 1000)).toFixed(1)} MB/s)  grammar / fast ${(theirs / ours).toFixed(2)}×`,
  ];
}

export async function benchCheck(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'topodoc-bench-'));
  const lines = ['parse+model+check vs JSON.parse (median of 7 runs, files read from disk each run)'];
  const perScale: number[] = [];
  try {
    const cases: [string, GeneratedTopology][] = [
      ['1×', generateTopology(1)],
      ['4×', generateTopology(4)],
      ['workloads (200 deployments × 10 replicas)', generateWorkloadTopology()],
    ];
    for (const [scale, generated] of cases) {
      const topoFile = join(dir, `cluster-${perScale.length}.topo`);
      const jsonFile = join(dir, `cluster-${perScale.length}.json`);
      writeFileSync(topoFile, generated.topo);
      writeFileSync(jsonFile, generated.json);

      let findings = -1;
      const once = async () => {
        const analysis = await analyzeFile(topoFile, { cwd: dir, config: DEFAULT_CONFIG });
        findings = analysis.diagnostics.length;
      };
      await once(); // warm-up
      const ours = median(await timeItAsync(RUNS, once));
      if (findings !== 0) throw new Error(`generated topology is not clean: ${findings} diagnostics`);
      const baseline = median(timeIt(RUNS, () => JSON.parse(readFileSync(jsonFile, 'utf8'))));
      const mb = Buffer.byteLength(generated.topo) / 1e6;
      const jsonMb = Buffer.byteLength(generated.json) / 1e6;
      perScale.push(ours);
      lines.push(
        `  ${scale}: ${generated.machines} machines, ${generated.pods} pods, .topo ${mb.toFixed(2)} MB, .json ${jsonMb.toFixed(2)} MB`,
        `      topodoc ${ours.toFixed(1)} ms (${(mb / (ours / 1000)).toFixed(1)} MB/s)` +
          `  JSON.parse ${baseline.toFixed(1)} ms (${(jsonMb / (baseline / 1000)).toFixed(1)} MB/s)` +
          `  ratio ${(ours / baseline).toFixed(2)}× (target ≤ 5×)`,
      );
    }
    const [one, four] = perScale as [number, number, number];
    lines.push(`  growth 1×→4×: time ×${(four / one).toFixed(2)} (linear = ×4)`);
    lines.push(...benchReaders(generateTopology(4).topo));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}
