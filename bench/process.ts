// Whole-process benchmark: the commands as a user runs them (new process, startup and browser
// included), each paired with a baseline process run alternately in the same run; medians, and
// the peak resident memory of each when /usr/bin/time is available.

import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { DEFAULT_CONFIG } from '../src/config/types.js';
import { CHROMIUM_ARGS } from '../src/render/svg/chromium-args.js';
import { findBrowser } from '../src/render/svg/index.js';
import { generateSmallTopology, generateTopology } from './generate.js';
import { median } from './timing.js';

const execute = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');
const TOPODOC = join(ROOT, 'dist/cli/bin.js');
const MMDC = join(dirname(createRequire(import.meta.url).resolve('@mermaid-js/mermaid-cli')), 'cli.js');
const TIME = '/usr/bin/time';
const DIAGRAMS = 20;

interface Sample {
  ms: number;
  /** Peak resident set size in MiB, when /usr/bin/time could measure it. */
  peakMiB: number | undefined;
}

/** One process: `argv[0]` with the rest as arguments; wall time and peak RSS. */
async function runProcess(argv: readonly string[], cwd: string): Promise<Sample> {
  const [program, ...args] = argv as [string, ...string[]];
  const measured = existsSync(TIME);
  const start = performance.now();
  const { stderr } = measured
    ? await execute(TIME, ['-f', 'peak-kb %M', program, ...args], { cwd, maxBuffer: 1 << 28 })
    : await execute(program, args, { cwd, maxBuffer: 1 << 28 });
  const ms = performance.now() - start;
  const kb = /peak-kb (\d+)\s*$/.exec(stderr)?.[1];
  return { ms, peakMiB: kb === undefined ? undefined : Number(kb) / 1024 };
}

interface Pair {
  name: string;
  ours: () => Promise<Sample>;
  baselineName: string;
  baseline: () => Promise<Sample>;
  runs: number;
  target: string;
  /** Report ours / baseline (a cost, lower is better) or baseline / ours (a speed-up). */
  ratio: 'cost' | 'speed-up';
  /** Runs once before the timed runs (the build a no-change rebuild follows). */
  prepare?: () => Promise<unknown>;
}

async function measurePair(pair: Pair): Promise<string[]> {
  const ours: Sample[] = [];
  const theirs: Sample[] = [];
  await pair.prepare?.();
  for (let i = 0; i < pair.runs; i++) {
    ours.push(await pair.ours());
    theirs.push(await pair.baseline());
  }
  const mine = median(ours.map((s) => s.ms));
  const base = median(theirs.map((s) => s.ms));
  const ratio = pair.ratio === 'cost' ? mine / base : base / mine;
  const peak = (samples: Sample[]) => {
    const peaks = samples.flatMap((s) => (s.peakMiB === undefined ? [] : [s.peakMiB]));
    return peaks.length === 0 ? undefined : median(peaks);
  };
  const memory = (samples: Sample[]) => {
    const mib = peak(samples);
    return mib === undefined ? 'n/a' : `${mib.toFixed(0)} MiB`;
  };
  const [ourPeak, theirPeak] = [peak(ours), peak(theirs)];
  const peakRatio =
    ourPeak === undefined || theirPeak === undefined ? '' : `, peak ${(ourPeak / theirPeak).toFixed(2)}×`;
  return [
    `  ${pair.name}`,
    `      ${(mine / 1000).toFixed(2)} s, peak ${memory(ours)}  vs  ${pair.baselineName} ${(base / 1000).toFixed(2)} s, peak ${memory(theirs)}`,
    `      ${pair.ratio === 'cost' ? 'ours / baseline' : 'baseline / ours'} ${ratio.toFixed(2)}×${peakRatio} (target ${pair.target}, median of ${pair.runs} paired runs)`,
  ];
}

function writeProject(dir: string, files: number): string[] {
  writeFileSync(join(dir, 'package.json'), '{"name": "bench", "private": true}\n');
  mkdirSync(join(dir, 'src'), { recursive: true });
  return Array.from({ length: files }, (_, i) => {
    const file = join(dir, 'src', `diagram-${String(i).padStart(2, '0')}.topo`);
    writeFileSync(file, generateSmallTopology(i));
    return file;
  });
}

/** Writes each file's Mermaid with topodoc (no SVG) and returns the .mmd paths, for mmdc. */
async function mermaidSources(dir: string, entries: readonly string[]): Promise<string[]> {
  const out = join(dir, 'mmd');
  await execute(process.execPath, [TOPODOC, 'build', ...entries, '-o', out, '--svg', 'off'], { cwd: dir });
  return entries.map((file) => join(out, `${file.slice(file.lastIndexOf('/') + 1, -'.topo'.length)}.mmd`));
}

export async function benchProcess(): Promise<string[]> {
  if (!existsSync(TOPODOC)) return ['process: skipped — run `npm run build` first (dist/cli/bin.js)'];
  const node = process.execPath;
  const dir = mkdtempSync(join(tmpdir(), 'topodoc-bench-process-'));
  const lines = ['whole processes, each paired with a baseline run alternately in the same run'];
  try {
    const entries = writeProject(dir, DIAGRAMS);
    const small = entries[0] as string;
    // The 2.9 MB topology of the in-process bench, and the 4.6 MB one issue 10 states its target on.
    const bigSizes = [4, 6.3].map((scale) => {
      const big = generateTopology(scale);
      writeFileSync(join(dir, `big-${scale}.topo`), big.topo);
      writeFileSync(join(dir, `big-${scale}.json`), big.json);
      return { scale, megabytes: Buffer.byteLength(big.topo) / 1e6 };
    });
    const bare = () => runProcess([node, '-e', '0'], dir);
    const pairs: Pair[] = [
      {
        name: '`topodoc --version`',
        ours: () => runProcess([node, TOPODOC, '--version'], dir),
        baselineName: '`node -e 0`',
        baseline: bare,
        runs: 7,
        target: '≤ 2×',
        ratio: 'cost',
      },
      {
        name: '`topodoc check` of one small file',
        ours: () => runProcess([node, TOPODOC, 'check', small], dir),
        baselineName: '`node -e 0`',
        baseline: bare,
        runs: 7,
        target: '≤ 3×',
        ratio: 'cost',
      },
      ...bigSizes.map(
        ({ scale, megabytes }): Pair => ({
          name: `\`topodoc check\` of ${megabytes.toFixed(1)} MB`,
          ours: () => runProcess([node, TOPODOC, 'check', `big-${scale}.topo`], dir),
          baselineName: 'JSON.parse of the same model',
          baseline: () =>
            runProcess(
              [node, '-e', `JSON.parse(require('fs').readFileSync('big-${scale}.json', 'utf8'))`],
              dir,
            ),
          runs: 3,
          target: '≤ 5×, peak ≤ 3×',
          ratio: 'cost',
        }),
      ),
    ];
    const browser = findBrowser(DEFAULT_CONFIG.svg, process.env);
    if (browser === undefined) lines.push('  (SVG rows skipped: no Chromium found)');
    else {
      const config = join(dir, 'puppeteer-config.json');
      writeFileSync(config, JSON.stringify({ executablePath: browser, args: CHROMIUM_ARGS }));
      const sources = await mermaidSources(dir, entries);
      const mmdc = (input: string) =>
        runProcess([node, MMDC, '--quiet', '-p', config, '-i', input, '-o', `${input}.svg`], dir);
      const build = (files: readonly string[], out: string) =>
        runProcess([node, TOPODOC, 'build', ...files, '-o', out, '--svg', 'required'], dir);
      let fresh = 0;
      const sum = (samples: Sample[]): Sample => ({
        ms: samples.reduce((total, s) => total + s.ms, 0),
        peakMiB: Math.max(...samples.map((s) => s.peakMiB ?? 0)),
      });
      pairs.push(
        {
          name: '`topodoc build` of one file, with SVG',
          ours: () => build([small], join(dir, `one-${fresh++}`)),
          baselineName: 'one `mmdc`',
          baseline: () => mmdc(sources[0] as string),
          runs: 3,
          target: '≥ 2×',
          ratio: 'speed-up',
        },
        {
          name: `\`topodoc build\` of ${DIAGRAMS} files, cold`,
          ours: () => build(entries, join(dir, `all-${fresh++}`)),
          baselineName: `${DIAGRAMS} \`mmdc\` one after another`,
          baseline: async () => {
            const samples: Sample[] = [];
            for (const source of sources) samples.push(await mmdc(source));
            return sum(samples);
          },
          runs: 1,
          target: '≥ 20×',
          ratio: 'speed-up',
        },
        {
          name: `no-change rebuild of ${DIAGRAMS} files`,
          prepare: () => build(entries, join(dir, 'rebuilt')),
          ours: () => build(entries, join(dir, 'rebuilt')),
          baselineName: 'cold build',
          baseline: () => build(entries, join(dir, `cold-${fresh++}`)),
          runs: 3,
          target: '≤ 0.05×',
          ratio: 'cost',
        },
      );
    }
    for (const pair of pairs) lines.push(...(await measurePair(pair)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}
