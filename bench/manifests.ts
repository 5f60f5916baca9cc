// Benchmark: reading a large Kubernetes manifest stream (2,000 objects, about 10 MB: Deployments
// with their Services and ConfigMaps, Helm-style) into a checked model, against the `yaml`
// package's own parse of the same bytes, measured in the same run.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { DEFAULT_CONFIG } from '../src/config/types.js';
import { analyzeFile } from '../src/pipeline/analyze.js';
import { median, timeIt, timeItAsync } from './timing.js';

const RUNS = 5;
/** Deployment + Service + ConfigMap per application. */
const APPLICATIONS = 667;

export async function benchManifests(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'topodoc-bench-manifests-'));
  try {
    const file = join(dir, 'stream.yaml');
    writeFileSync(file, manifestStream(APPLICATIONS));
    const text = readFileSync(file, 'utf8');
    let findings = -1;
    const once = async () => {
      const analysis = await analyzeFile(file, { cwd: dir, config: DEFAULT_CONFIG });
      findings = analysis.errorCount;
    };
    await once(); // warm-up
    const ours = median(await timeItAsync(RUNS, once));
    if (findings !== 0) throw new Error(`generated manifests are not clean: ${findings} errors`);
    const baseline = median(timeIt(RUNS, () => parseAllDocuments(readFileSync(file, 'utf8'))));
    const mb = Buffer.byteLength(text) / 1e6;
    return [
      `manifests: read + model + check vs yaml.parseAllDocuments (median of ${RUNS} runs)`,
      `  ${APPLICATIONS * 3} objects, ${mb.toFixed(1)} MB: topodoc ${ours.toFixed(0)} ms, yaml ${baseline.toFixed(0)} ms, ratio ${(ours / baseline).toFixed(2)}×`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What `helm template` prints for `count` applications, each with realistic bulk (env, annotations, config). */
function manifestStream(count: number): string {
  const documents: string[] = [];
  const env = Array.from(
    { length: 110 },
    (_, i) => `            - name: SETTING_${i}\n              value: "value-${i}-${'x'.repeat(20)}"`,
  ).join('\n');
  const config = Array.from({ length: 60 }, (_, i) => `  key-${i}: "${'config line '.repeat(6)}${i}"`).join(
    '\n',
  );
  for (let a = 0; a < count; a++) {
    const name = `app-${a}`;
    documents.push(
      [
        '# Source: chart/templates/deployment.yaml',
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        `  name: ${name}`,
        '  namespace: apps',
        '  annotations:',
        `    meta.helm.sh/release-name: release-${a}`,
        `    description: "${'generated application '.repeat(8)}"`,
        'spec:',
        '  replicas: 2',
        '  selector:',
        `    matchLabels: { app: ${name} }`,
        '  template:',
        '    metadata:',
        `      labels: { app: ${name}, tier: backend }`,
        '    spec:',
        '      containers:',
        '        - name: app',
        `          image: ghcr.io/example/${name}:1.0.${a}`,
        '          ports:',
        '            - { name: http, containerPort: 8080 }',
        '          env:',
        env,
        '          volumeMounts:',
        '            - { name: config, mountPath: /etc/app }',
        '      volumes:',
        `        - name: config\n          configMap: { name: ${name}-config }`,
      ].join('\n'),
      [
        'apiVersion: v1',
        'kind: Service',
        'metadata:',
        `  name: ${name}`,
        '  namespace: apps',
        'spec:',
        `  selector: { app: ${name} }`,
        '  ports:',
        '    - { name: http, port: 80, targetPort: http }',
      ].join('\n'),
      [
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata:',
        `  name: ${name}-config`,
        '  namespace: apps',
        'data:',
        config,
      ].join('\n'),
    );
  }
  return `${documents.join('\n---\n')}\n`;
}
