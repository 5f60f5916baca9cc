// What each ASCII view shows, on hand-built models: labels over names, notes, the pause container,
// what a pod shares, the placeholders, the charsets and the view selection of renderAscii.

import { describe, expect, it } from 'vitest';
import {
  renderAscii,
  renderClusterView,
  renderNodeView,
  renderPodView,
  renderTreeView,
} from '../../src/render/ascii/index.js';
import { buildTopology, group, type MachineSpec, pod, proc } from './ascii-model.js';

const worker: MachineSpec = {
  name: 'worker-1',
  label: 'NODE (machine)',
  ip: '192.168.56.11',
  children: [
    proc('kubelet', { role: 'node' }),
    proc('containerd', { role: 'node', label: 'container runtime' }),
    pod('web', {
      label: 'POD',
      ip: '10.0.0.7',
      volumes: ['shared-data'],
      containers: [
        { name: 'app', label: 'app container' },
        { name: 'sidecar', label: 'sidecar container', role: 'sidecar' },
      ],
    }),
  ],
};

function machineOf(spec: MachineSpec) {
  const machine = buildTopology({ machines: [spec] }).cluster.machines[0];
  if (machine === undefined) throw new Error('no machine built');
  return machine;
}

function podOf(spec: MachineSpec) {
  const first = machineOf(spec).pods[0];
  if (first === undefined) throw new Error('no pod built');
  return first;
}

describe('tree view', () => {
  it('draws groups with their notes, processes, pods and containers', () => {
    const machine = machineOf({
      name: 'host',
      label: 'Our Physical Machine (or VM)',
      children: [
        group('cp', {
          label: 'Control plan processes',
          note: 'just Linux processes',
          children: [proc('etcd')],
        }),
        pod('p', { ip: '10.0.0.1', namespace: 'infra', containers: [{ name: 'c', role: 'init' }] }),
      ],
    });
    expect(renderTreeView(machine)).toBe(
      [
        'Our Physical Machine (or VM)',
        '│',
        '├── Control plan processes ← just Linux processes',
        '│   └── etcd (a process)',
        '│',
        '└── p (a pod in infra, IP 10.0.0.1)',
        '    └── c (an init container)',
      ].join('\n'),
    );
  });

  it('uses only + - | and ASCII in the ascii charset', () => {
    const text = renderTreeView(machineOf(worker), { charset: 'ascii' });
    expect(text).toMatch(/^[\x20-\x7e\n]*$/);
    expect(text).toContain('|-- kubelet (a process)');
    expect(text).toContain('+-- POD (a pod, IP 10.0.0.7)');
    expect(text).toContain('    +-- sidecar container (a sidecar container)');
  });
});

describe('node view', () => {
  it('holds process boxes and pod boxes with containers and IP, titled with the label', () => {
    const lines = renderNodeView(machineOf(worker)).split('\n');
    expect(lines[1]).toMatch(/^│ NODE \(machine\) +│$/);
    expect(lines.some((line) => line.includes('│ kubelet │') && line.includes('│ container runtime │'))).toBe(
      true,
    );
    expect(lines.some((line) => line.includes('│ app container │ │ sidecar container │'))).toBe(true);
    expect(lines.some((line) => /│ │ IP: 10\.0\.0\.7 +│ │/.test(line))).toBe(true);
  });

  it('draws boxes with + - | only in the ascii charset', () => {
    const lines = renderNodeView(machineOf(worker), { charset: 'ascii' }).split('\n');
    expect(lines.join('\n')).toMatch(/^[\x20-\x7e\n]*$/);
    expect(lines[0]).toMatch(/^\+-+\+$/);
    expect(lines[1]).toMatch(/^\| NODE \(machine\) +\|$/);
  });

  it('says where pods would run when there are none, and marks an empty pod', () => {
    expect(renderNodeView(machineOf({ name: 'n', children: [proc('kubelet')] }))).toContain(
      '[ pods running here ]',
    );
    const emptyPod = renderNodeView(machineOf({ name: 'n', children: [pod('p')] }));
    expect(emptyPod).not.toContain('[ pods running here ]');
    expect(emptyPod).toContain('[ no containers ]');
    expect(emptyPod).toContain('IP: not set');
  });

  it('shows a note under the title of a group box', () => {
    const machine = machineOf({
      name: 'n',
      children: [
        group('g', {
          label: 'Worker Node processes',
          note: 'also just Linux processes',
          children: [proc('kubelet')],
        }),
      ],
    });
    const lines = renderNodeView(machine).split('\n');
    const titleRow = lines.findIndex((line) => line.includes('Worker Node processes'));
    expect(lines[titleRow + 1]).toMatch(/│ │ also just Linux processes +│ │/);
  });

  it('draws no escape or control character of a label', () => {
    const machine = machineOf({ name: 'n', label: '\u001b[31mred\u001b[0m\tnode\u202e', children: [] });
    expect(renderNodeView(machine).split('\n')[1]).toMatch(/^│ red node +│$/);
  });
});

describe('pod view', () => {
  it('puts the pause container between the containers and lists what is shared', () => {
    const lines = renderPodView(podOf(worker)).split('\n');
    expect(lines[3]).toMatch(/^│ ┌─+┐ +pause +┌─+┐ │$/);
    expect(lines[4]).toMatch(/^│ │ app container │ container │ sidecar container │ │$/);
    expect(lines.slice(-4, -1).map((line) => line.replace(/^│ | *│$/g, ''))).toEqual([
      'shared: network namespace (IP 10.0.0.7)',
      'shared: storage volumes (shared-data)',
      'NOT shared: filesystem, processes',
    ]);
  });

  it('lists processes as shared with share-process-namespace', () => {
    const spec: MachineSpec = {
      name: 'n',
      children: [pod('p', { shareProcessNamespace: true, containers: [{ name: 'c' }] })],
    };
    const text = renderPodView(podOf(spec));
    expect(text).toContain('│ shared: processes ');
    expect(text).toContain('│ NOT shared: filesystem ');
    expect(text).not.toContain('filesystem, processes');
  });

  it("shares the machine's network namespace on the host network", () => {
    const spec: MachineSpec = {
      name: 'n',
      ip: '192.168.0.10',
      children: [pod('p', { hostNetwork: true, namespace: 'kube-system', containers: [{ name: 'etcd' }] })],
    };
    const text = renderPodView(podOf(spec));
    expect(text).toContain("│ shared: the machine's network namespace ");
    expect(text).toContain('│   (host network, IP 192.168.0.10) ');
    expect(text).toContain('│ namespace: kube-system ');
  });
});

describe('cluster view', () => {
  const model = buildTopology({
    cluster: { name: 'lab', label: 'Lab cluster', podCidr: '10.1.0.0/16' },
    machines: [
      { name: 'cp', children: [proc('etcd', { role: 'control-plane' }), proc('kubelet', { role: 'node' })] },
      { ...worker, name: 'w' },
    ],
  });

  it('draws a cluster box around the machines, side by side, with their processes by role and pods', () => {
    const lines = renderClusterView(model).split('\n');
    expect(lines[1]).toMatch(/^│ Lab cluster +│$/);
    expect(lines[2]).toMatch(/^│ pod CIDR: 10\.1\.0\.0\/16 +│$/);
    const titles = lines.find((line) => line.includes('│ cp '));
    expect(titles).toMatch(/│ cp +│ +│ NODE \(machine\) +│/);
    expect(lines.some((line) => line.includes('│ control plane: etcd '))).toBe(true);
    const nodeRow = lines.findIndex((line) => line.includes('│ node: kubelet, container '));
    expect(lines[nodeRow + 1]).toContain('│   runtime ');
    expect(lines.some((line) => line.includes('│ IP: 10.0.0.7 │'))).toBe(true);
  });

  it('draws machines without an outer box for the implicit cluster', () => {
    const implicit = buildTopology({ machines: [worker] });
    expect(renderClusterView(implicit).split('\n')[1]).toMatch(/^│ NODE \(machine\) +│$/);
  });
});

describe('renderAscii', () => {
  const model = buildTopology({ machines: [worker, { name: 'empty', children: [] }] });

  it('renders the chosen views in the given order, drawings one empty line apart', () => {
    const text = renderAscii(model, { views: ['cluster', 'tree'] });
    expect(text).toBe([renderClusterView(model), renderTreeView(machineOf(worker)), 'empty'].join('\n\n'));
  });

  it('renders every view by default and treats undefined options as defaults', () => {
    const text = renderAscii(model, { width: undefined, charset: undefined });
    expect(text).toBe(
      renderAscii(model, { views: ['tree', 'node', 'pod', 'cluster'], width: 80, charset: 'unicode' }),
    );
    expect(text.split('\n').every((line) => line.length <= 80)).toBe(true);
  });

  it('gives an empty string for a model without machines', () => {
    expect(renderAscii(buildTopology({ machines: [] }))).toBe('');
  });
});

describe('what a newcomer found misleading (issue 15, item 8)', () => {
  it('draws the pods placeholder on a node only, not on a machine without kubelet', () => {
    expect(renderNodeView(machineOf({ name: 'n', children: [proc('kubelet')] }))).toContain(
      '[ pods running here ]',
    );
    expect(renderNodeView(machineOf({ name: 'lb', children: [proc('haproxy')] }))).not.toContain(
      'pods running here',
    );
  });

  it('marks init and sidecar containers, and puts pause after the first container that keeps running', () => {
    const text = renderPodView(
      podOf({
        name: 'm',
        children: [
          pod('shop', {
            containers: [
              { name: 'war', role: 'init' },
              { name: 'tomcat' },
              { name: 'logs', role: 'sidecar' },
            ],
          }),
        ],
      }),
    );
    const lines = text.split('\n');
    const row = lines.find((line) => line.includes('war')) ?? '';
    const pause = (lines.find((line) => line.includes('pause')) ?? '').indexOf('pause');
    expect(row.indexOf('war')).toBeLessThan(row.indexOf('tomcat'));
    expect(row.indexOf('tomcat')).toBeLessThan(pause);
    expect(pause).toBeLessThan(row.indexOf('logs'));
    expect(text).toContain('(init)');
    expect(text).toContain('(sidecar)');
  });

  it('leaves out the volumes line of a pod without volumes', () => {
    const text = renderPodView(podOf({ name: 'm', children: [pod('p', { containers: [{ name: 'c' }] })] }));
    expect(text).not.toContain('storage volumes');
  });

  it('names the machine of a pod whose name another machine uses too', () => {
    const model = buildTopology({
      machines: [
        { name: 'worker-1', children: [pod('web', { containers: [{ name: 'c' }] })] },
        { name: 'worker-2', children: [pod('web', { containers: [{ name: 'c' }] })] },
      ],
    });
    const [first, second] = model.cluster.machines.map((machine) => renderPodView(machine.pods[0] as never));
    expect(first).toContain('on worker-1');
    expect(second).toContain('on worker-2');
  });
});
