// The Mermaid view as text: escaping, ids, where edges end, layout statements, determinism,
// id stability, and the goldens in test/fixtures/mermaid/<case>/expected.mmd.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeLabel, escapeLines, lineSafeFromMermaid } from '../../src/render/mermaid/escape.js';
import { encodeIdText, mermaidId } from '../../src/render/mermaid/ids.js';
import { renderMermaid } from '../../src/render/mermaid/index.js';
import { expectGolden } from '../helpers/golden.js';
import { allTopoInputs, MERMAID_FIXTURES, mermaidOf, modelOf, unexpectedLines } from './mermaid-helpers.js';

/** The statements that mention an id (node, subgraph, edge end), and the class it is given. */
function statementsWith(mermaid: string, id: string): string[] {
  const mentions = (line: string) => new RegExp(`(^|[ ,])${id}([ [,]|$)`).test(line.trim());
  const lines = mermaid.split('\n').filter(mentions);
  const statements = lines.filter((line) => !line.trim().startsWith('class '));
  const className = lines
    .find((line) => line.trim().startsWith('class '))
    ?.split(' ')
    .pop();
  return [...statements, `class ${className}`];
}

describe('escapeLabel', () => {
  it('writes every character that could end a label or start syntax as an entity code', () => {
    expect(escapeLabel('a"b')).toBe('a#quot;b');
    expect(escapeLabel('[x] {y} (z)')).toBe('#91;x#93; #123;y#125; (z)');
    expect(escapeLabel('a|b;c`d\\e')).toBe('a#124;b#59;c#96;d#92;e');
    expect(escapeLabel('%%{init: {}}%%')).toBe('#37;#37;#123;init: #123;#125;#125;#37;#37;');
    expect(escapeLabel('<script>&amp;#quot;')).toBe('#lt;script#gt;#amp;amp#59;#35;quot#59;');
  });

  it('turns line breaks into <br>, tabs into spaces, and drops control and bidi characters', () => {
    expect(escapeLabel('one\ntwo\r\nthree\u2028four')).toBe('one<br>two<br>three<br>four');
    expect(escapeLabel('a\tb\u0007c\u202ed\u0085e')).toBe('a bcde');
  });

  it('keeps Mermaid from reading `fa:fa-name` as an icon', () => {
    expect(escapeLabel('fa:fa-car and fab:fa-github')).toBe('fa#58;fa-car and fab#58;fa-github');
  });

  it('escapes colons only where Mermaid would cut the last `;` of the line', () => {
    expect(escapeLabel('a: b', { colons: true })).toBe('a#58; b');
    const write = (text: string) => lineSafeFromMermaid((options) => `n["${escapeLabel(text, options)}"]`);
    expect(write('image nginx:1.27')).toBe('n["image nginx:1.27"]');
    expect(write('style x:#1')).toBe('n["style x#58;#35;1"]');
    expect(write('classDef x fill:#f00')).toBe('n["classDef x fill#58;#35;f00"]');
  });

  it('joins several lines with <br>', () => {
    expect(escapeLines(['a', 'b"c'])).toBe('a<br>b#quot;c');
  });

  it('leaves no quote, bracket, brace, pipe, percent, semicolon, markup or stray `#` (property)', () => {
    const syntax = fc.string({
      unit: fc.constantFrom(...'"[]{}|%;<>`\\#&:\n\r\t\u0007 aend'),
      maxLength: 30,
    });
    fc.assert(
      fc.property(fc.oneof(syntax, fc.string({ unit: 'binary', maxLength: 30 })), (text) => {
        const withoutCodes = escapeLabel(text)
          .replace(/<br>/g, '')
          .replace(/#(?:[a-z]+|[0-9]+);/g, '');
        expect(withoutCodes).not.toMatch(/["[\]{}|%;<>`\\\n\r#]/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('ids', () => {
  it('are letters, digits and underscores, prefixed by kind', () => {
    expect(mermaidId('container', 'worker-1/pod-1/app')).toBe('c_worker_h1_spod_h1_sapp');
    expect(mermaidId('external', '10.0.0.1')).toBe('ext_10_d0_d0_d1');
    expect(mermaidId('external', 'm@localhost')).toBe('ext_m_u40_localhost');
  });

  it('never give two different paths the same id (property)', () => {
    const pathText = fc.string({
      unit: fc.constantFrom('a', 'b', '_', '-', '/', '.', '@', 'é'),
      maxLength: 8,
    });
    fc.assert(
      fc.property(pathText, pathText, (a, b) => {
        fc.pre(a !== b);
        expect(encodeIdText(a)).not.toBe(encodeIdText(b));
        expect(encodeIdText(a)).toMatch(/^[A-Za-z0-9_]*$/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('renderMermaid', () => {
  const NODE = `
machine worker-1 "NODE" {
  ip 192.168.56.11
  process kubelet { listen 10250 }
  pod pod-1 "POD 1" {
    ip 10.0.0.1
    container app { image "nginx:1.27"; listen 8080 }
    container sidecar { role sidecar; connect localhost:8080 "health check" }
  }
}
`;

  it('draws a machine declared outside the cluster block outside the cluster box', async () => {
    const model = await modelOf(`
cluster prod {
  machine worker-1 { process kubelet; process containerd; process kube-proxy }
}
machine lb "load balancer" { process haproxy { connect worker-1.kubelet:10250 } }
`);
    const lines = renderMermaid(model).split('\n');
    const clusterEnd = lines.indexOf('  end');
    expect(lines.indexOf('  subgraph k_prod["prod"]')).toBe(1);
    expect(lines.indexOf('    subgraph m_worker_h1["worker-1"]')).toBeGreaterThan(1);
    expect(lines.indexOf('  subgraph m_lb["load balancer"]')).toBeGreaterThan(clusterEnd);
    const lb = model.cluster.machines.find((machine) => machine.name === 'lb');
    if (lb === undefined) throw new Error('no machine lb');
    const alone = renderMermaid(model, { machine: lb });
    expect(alone).not.toContain('k_prod');
    expect(alone).toContain('  subgraph m_lb["load balancer"]');
  });

  it('puts an image digest on a line of its own, so a long reference breaks between its parts', async () => {
    const digest = `sha256:${'ab'.repeat(32)}`;
    const mermaid = await mermaidOf(`
machine m { pod p { container app { image "ghcr.io/acme/app-server@${digest}"; listen 80 } } }
`);
    expect(mermaid).toContain(`["app<br>ghcr.io/acme/app-server<br>@${digest}<br>:80"]`);
    expect(await mermaidOf('machine m { pod p { container app { image "nginx:1.27" } } }')).toContain(
      '["app<br>nginx:1.27"]',
    );
  });

  it('draws machines and pods as subgraphs, processes and containers as nodes, connects as edges', async () => {
    const mermaid = await mermaidOf(NODE);
    expect(mermaid.startsWith('flowchart LR\n')).toBe(true);
    expect(mermaid).toMatch(/[^\n]\n$/);
    expect(mermaid).toContain('  subgraph m_worker_h1["NODE · 192.168.56.11"]\n');
    expect(mermaid).toContain('    subgraph pod_worker_h1_spod_h1["POD 1 · 10.0.0.1"]\n      direction TB\n');
    expect(mermaid).toContain('    p_worker_h1_skubelet["kubelet<br>:10250"]\n');
    expect(mermaid).toContain('      c_worker_h1_spod_h1_sapp["app<br>nginx:1.27<br>:8080"]\n');
    expect(mermaid).toContain(
      '  c_worker_h1_spod_h1_ssidecar -->|"health check (:8080)"| c_worker_h1_spod_h1_sapp\n',
    );
    expect(mermaid).toContain('  class p_worker_h1_skubelet nodeProcess\n');
    expect(mermaid).toContain('  class c_worker_h1_spod_h1_ssidecar sidecarContainer\n');
    expect(mermaid).toMatch(
      /\n {2}classDef sidecarContainer fill:#[0-9a-f]{6},stroke:#[0-9a-f]{6},color:#[0-9a-f]{6}\n/,
    );
    expect(unexpectedLines(mermaid)).toEqual([]);
  });

  it('writes only the statement shapes topodoc owns, for every example and fixture', async () => {
    for (const input of allTopoInputs()) {
      const mermaid = renderMermaid(
        await modelOf(readFileSync(input.path, 'utf8'), { allowModelErrors: true }),
      );
      expect(unexpectedLines(mermaid), input.name).toEqual([]);
      expect(mermaid.endsWith('\n') && !mermaid.endsWith('\n\n'), input.name).toBe(true);
      expect(mermaid, input.name).not.toContain('\r');
    }
  });

  it('renders an empty model as a bare flowchart', async () => {
    expect(await mermaidOf('title "nothing yet"\n')).toBe('flowchart LR\n');
  });

  it('is deterministic: the same input twice gives the same text', async () => {
    const text = readFileSync(join(MERMAID_FIXTURES, 'endpoints/input.topo'), 'utf8');
    expect(await mermaidOf(text)).toBe(await mermaidOf(text));
  });

  it('keeps every id and its statements when an unrelated entity is added', async () => {
    const before = await mermaidOf(NODE);
    const after = await mermaidOf(
      NODE.replace('  process kubelet', '  process node-exporter { listen 9100 }\n  process kubelet').concat(
        'machine worker-0 { process kubelet }\n',
      ),
    );
    const ids = [...before.matchAll(/^ +(?:subgraph )?([A-Za-z0-9_]+)\[/gm)].map(
      (match) => match[1] as string,
    );
    expect(ids.length).toBe(5);
    for (const id of ids) expect(statementsWith(after, id), id).toEqual(statementsWith(before, id));
  });

  it('gives the same entity the same id whatever its label', async () => {
    const relabelled = await mermaidOf(NODE.replace('"POD 1"', '"renamed pod"'));
    expect(relabelled).toContain('subgraph pod_worker_h1_spod_h1["renamed pod · 10.0.0.1"]');
  });
});

describe('connect edges', () => {
  async function edgesOf(text: string): Promise<string[]> {
    const mermaid = await mermaidOf(text, { allowModelErrors: true });
    return mermaid
      .split('\n')
      .filter((line) => / -\.?->/.test(line))
      .map((line) => line.trim());
  }

  it('end at the listener in the caller’s namespace for localhost, else at a localhost node inside it', async () => {
    const mermaid = await mermaidOf(`
machine m {
  pod p {
    container a { listen 80 }
    container b { connect localhost:80; connect localhost:81 "none" }
  }
}
`);
    expect(mermaid).toContain('  c_m_sp_sb -->|":80"| c_m_sp_sa\n');
    expect(mermaid).toContain('  c_m_sp_sb -->|"none (:81)"| ext_m_sp_u40_localhost\n');
    const pod = mermaid.slice(mermaid.indexOf('subgraph pod_m_sp'), mermaid.indexOf('    end\n'));
    expect(pod).toContain('ext_m_sp_u40_localhost["localhost"]');
  });

  it('end at the pod or machine that owns an address, and at its listener on the port', async () => {
    expect(
      await edgesOf(`
machine a {
  ip 192.168.0.1
  process client { connect 10.0.0.2:8080; connect 10.0.0.2:9; connect 192.168.0.2:8443; connect 8.8.8.8:53 }
}
machine b {
  ip 192.168.0.2
  pod p { ip 10.0.0.2; container web { listen 8080; listen 443 host 8443 } }
}
`),
    ).toEqual([
      'p_a_sclient -->|":8080"| c_b_sp_sweb',
      'p_a_sclient -->|":9"| pod_b_sp',
      'p_a_sclient -->|":8443"| c_b_sp_sweb',
      'p_a_sclient -->|":53"| ext_8_d8_d8_d8',
    ]);
  });

  it('end at the listener inside a named pod, group or container, else at what the path names', async () => {
    expect(
      await edgesOf(`
machine m {
  group g { process api { listen 6443 } }
  process client { connect g:6443; connect g; connect p:5432; connect p.db:5432; connect m }
  pod p {
    container db { process postgres { listen 5432 } }
  }
}
`),
    ).toEqual([
      'p_m_sclient -->|":6443"| p_m_sg_sapi',
      'p_m_sclient --> g_m_sg',
      'p_m_sclient -->|":5432"| p_m_sp_sdb_spostgres',
      'p_m_sclient -->|":5432"| p_m_sp_sdb_spostgres',
      'p_m_sclient --> m_m',
    ]);
  });

  it('are dashed to a node named as written when the path resolves to nothing', async () => {
    const mermaid = await mermaidOf('machine m { process a { connect nowhere.x:1 "lost" } }\n', {
      allowModelErrors: true,
    });
    expect(mermaid).toContain('  ext_nowhere_dx["nowhere.x"]\n');
    expect(mermaid).toContain('  p_m_sa -.->|"lost (:1)"| ext_nowhere_dx\n');
    expect(mermaid).toContain('  class ext_nowhere_dx unresolvedEndpoint\n');
  });
});

describe('goldens (test/fixtures/mermaid/<case>/expected.mmd)', () => {
  for (const folder of readdirSync(MERMAID_FIXTURES).sort()) {
    it(folder, async () => {
      const input = readFileSync(join(MERMAID_FIXTURES, folder, 'input.topo'), 'utf8');
      const mermaid = await mermaidOf(input, { allowModelErrors: folder === 'unresolved-path' });
      expectGolden(mermaid, join(MERMAID_FIXTURES, folder, 'expected.mmd'));
    });
  }
});
