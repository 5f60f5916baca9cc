// Rules on workloads: a problem in a template is one finding at the template's line, however
// many replicas; unscheduled templates (no node in the model) are judged once too.

import { describe, expect, it } from 'vitest';
import { check } from '../../src/checker/index.js';
import { loadTopologyFromText } from '../../src/model/index.js';
import { ROOT } from './helpers.js';

const TEMPLATE_CLASH = `deployment web {
  replicas 3
  container a { image "a:1"; listen 8080 }
  container b { image "b:1"; listen 8080 }
}
`;

const NODES = `machine w1 {
  pod-cidr 10.244.1.0/24
  process kubelet
  process kube-proxy
  process containerd
}
machine w2 {
  pod-cidr 10.244.2.0/24
  process kubelet
  process kube-proxy
  process containerd
}
`;

async function findings(text: string) {
  const loaded = await loadTopologyFromText(text, 'snippet.topo', { cwd: ROOT });
  expect(loaded.diagnostics).toEqual([]);
  return check(loaded.model, { rules: { 'control-plane-incomplete': 'off' } });
}

describe('rules on workloads', () => {
  it('report a port clash in a template of three replicas once, at the template line', async () => {
    const found = (await findings(TEMPLATE_CLASH + NODES)).filter((d) => d.ruleId === 'pod-port-conflict');
    expect(found).toHaveLength(1);
    expect(found[0]?.range.start.line).toBe(4);
  });

  it('judge an unscheduled template once as well', async () => {
    const found = (await findings(TEMPLATE_CLASH)).filter((d) => d.ruleId === 'pod-port-conflict');
    expect(found).toHaveLength(1);
    expect(found[0]?.range.start.line).toBe(4);
  });

  it('keep findings of hand-written pods at one line apart when they are not a template', async () => {
    const text = `${NODES}machine w3 {
  process kubelet
  process kube-proxy
  process containerd
  pod a { ip 10.244.1.9; container c { image "c:1" } }
  pod b { ip 10.244.1.9; container c { image "c:1" } }
}
`;
    const found = (await findings(text)).filter((d) => d.ruleId === 'pod-ip-duplicate');
    expect(found).toHaveLength(1);
  });

  it('do not warn about host-network on a daemonset (kube-proxy, the CNI agent)', async () => {
    const text = `daemonset calico-node {
  host-network
  container calico-node { image "calico/node:v3.28.0" }
}
${NODES}`;
    expect((await findings(text)).filter((d) => d.ruleId === 'host-network-used')).toEqual([]);
  });
});

describe('a model of too many pods', () => {
  it('places workloads up to 50,000 pods and reports the rest, in bounded time and memory', async () => {
    const workloads = Array.from(
      { length: 8 },
      (_, index) => `deployment w${index} {\n  replicas 10000\n  container c { image "c:1" }\n}\n`,
    ).join('');
    const loaded = await loadTopologyFromText(`${workloads}${NODES}`, 'big.topo', { cwd: ROOT });
    const placed = loaded.model.cluster.workloads.reduce((sum, workload) => sum + workload.pods.length, 0);
    expect(placed).toBe(50_000);
    const found = check(loaded.model, { rules: { 'control-plane-incomplete': 'off' } }).filter(
      (d) => d.ruleId === 'workload-unplaceable' && d.message.includes('more than 50000 pods'),
    );
    expect(found.map((d) => d.range.start.line)).toEqual([22, 26, 30]);
  });
});
