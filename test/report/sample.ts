// A hand-built report input: two files with errors and warnings (related locations, hints, a
// CJK/emoji line, a syntax error) and one clean file, for the reporter goldens.

import type { Diagnostic, Range, Severity } from '../../src/diagnostics.js';
import type { ReportInput, RuleDescriptor } from '../../src/report/types.js';

export const WEB = `# Two pods on one worker.
machine worker-1 "NODE (machine)" {
  ip 192.168.56.11
  process kubelet
  process containerd

  pod web {
    ip 10.0.0.1
    container app { image "nginx"; listen 8080 }
    container metrics { image "prom/exporter:1.0"; listen 8080 }
  }

  pod cache "Cache 缓存" {
    ip 10.0.0.1
    container redis { image "redis:7.2"; connect localhost:8080 "健康 🚑 check" }
  }
}
`;

export const BROKEN = 'machine m {\n  pod p {\n    ip 10.0.0.1 ]\n';

/** The range of the first `needle` on 1-based `line` of `source` (columns in UTF-16 units). */
export function rangeOf(source: string, line: number, needle: string): Range {
  const lines = source.split('\n');
  const text = lines[line - 1] ?? '';
  const column = text.indexOf(needle);
  if (column < 0) throw new Error(`"${needle}" is not on line ${line}`);
  const offset = lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0) + column;
  return {
    start: { line, column: column + 1, offset },
    end: { line, column: column + 1 + needle.length, offset: offset + needle.length },
  };
}

export function finding(
  file: string,
  source: string,
  line: number,
  needle: string,
  severity: Severity,
  ruleId: string,
  message: string,
  extra: Partial<Diagnostic> = {},
): Diagnostic {
  return {
    file,
    range: rangeOf(source, line, needle),
    severity,
    source: ruleId === 'syntax' ? 'parser' : 'checker',
    ruleId,
    message,
    ...extra,
  };
}

export const SAMPLE_DIAGNOSTICS: Diagnostic[] = [
  finding(
    'broken.topo',
    BROKEN,
    3,
    ']',
    'error',
    'syntax',
    "Unexpected ']'; expected a property value or a newline",
  ),
  finding(
    'web.topo',
    WEB,
    2,
    'machine worker-1 "NODE (machine)" {',
    'warning',
    'node-missing-kube-proxy',
    'Node worker-1 runs no kube-proxy',
    { hint: 'Add `process kube-proxy` to the machine, unless the network plugin replaces it.' },
  ),
  finding('web.topo', WEB, 9, 'image "nginx"', 'warning', 'image-unpinned', 'Image "nginx" has no tag', {
    messageId: 'noTag',
  }),
  finding(
    'web.topo',
    WEB,
    10,
    'listen 8080',
    'error',
    'pod-port-conflict',
    'Containers app and metrics of pod web both listen on 8080/tcp; containers of a pod share one port space',
    {
      related: [
        { file: 'web.topo', range: rangeOf(WEB, 9, 'listen 8080'), message: 'app listens on 8080/tcp here' },
      ],
      hint: 'Give each container of the pod its own port.',
    },
  ),
  finding(
    'web.topo',
    WEB,
    14,
    'ip 10.0.0.1',
    'error',
    'pod-ip-duplicate',
    'Pods web and cache share the IP 10.0.0.1',
    {
      related: [
        { file: 'web.topo', range: rangeOf(WEB, 8, 'ip 10.0.0.1'), message: 'web has 10.0.0.1 here' },
      ],
    },
  ),
  finding(
    'web.topo',
    WEB,
    15,
    'connect localhost:8080 "健康 🚑 check"',
    'error',
    'localhost-cross-pod',
    'Container redis connects to localhost:8080, but only pod web listens on 8080; pods do not share localhost: use 10.0.0.1:8080',
  ),
];

function rule(
  id: string,
  defaultLevel: 'error' | 'warning',
  description: string,
  extra: Partial<RuleDescriptor> = {},
) {
  return { id, defaultLevel, description, configurable: true, ...extra };
}

export const SAMPLE_RULES: RuleDescriptor[] = [
  rule('image-unpinned', 'warning', 'An image with no tag or the latest tag', {
    fact: 'Without a pinned tag the image that runs can change under you.',
    url: 'https://kubernetes.io/docs/concepts/containers/images/',
    hint: 'Pin a tag or a digest.',
  }),
  rule('localhost-cross-pod', 'error', 'A localhost connection that only another pod could answer', {
    fact: 'Pods on one node do not share localhost.',
    url: 'https://kubernetes.io/docs/concepts/workloads/pods/#pod-networking',
    hint: 'Connect to the pod IP instead.',
  }),
  rule('node-missing-kube-proxy', 'warning', 'A node without kube-proxy', {
    fact: 'kube-proxy runs on each node.',
    url: 'https://kubernetes.io/docs/concepts/architecture/#node-components',
  }),
  rule('pod-ip-duplicate', 'error', 'Two pods with one IP', {
    fact: 'Each pod gets a unique cluster-wide IP.',
    url: 'https://kubernetes.io/docs/concepts/services-networking/#the-kubernetes-network-model',
    hint: 'Give each pod its own IP.',
  }),
  rule('pod-port-conflict', 'error', 'Two containers of one pod listen on the same port', {
    fact: 'Containers in a pod share the network namespace, IP and port space.',
    url: 'https://kubernetes.io/docs/concepts/workloads/pods/#pod-networking',
    hint: 'Give each container of the pod its own port.',
  }),
  {
    id: 'syntax',
    defaultLevel: 'error',
    description: 'Text that cannot be read as a topodoc statement (lexer or parser error).',
    hint: 'Fix the text at the position shown.',
    configurable: false,
  },
];

export function sampleInput(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    diagnostics: SAMPLE_DIAGNOSTICS,
    sources: new Map([
      ['broken.topo', BROKEN],
      ['web.topo', WEB],
      ['clean.topo', 'machine m { process kubelet }\n'],
    ]),
    files: ['broken.topo', 'clean.topo', 'web.topo'],
    rules: SAMPLE_RULES,
    toolVersion: '0.1.0',
    color: false,
    ...overrides,
  };
}
