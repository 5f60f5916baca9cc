// check(): severities from config and defaults, the diagnostic fields, suppression directives
// (file scope, next line, per file) and the unused-directive warning.

import { describe, expect, it } from 'vitest';
import { check, UNUSED_DIRECTIVE_ID } from '../../src/checker/index.js';
import { compareDiagnostics } from '../../src/diagnostics.js';
import { loadTopologyFromText } from '../../src/model/index.js';
import { analyzeSnippet, ROOT } from './helpers.js';

/** A node without kube-proxy (a warning) whose pod has no containers (an error); the control plane is not shown. */
const NODE = `machine w {
  process kubelet
  process containerd
  pod p { ip 10.0.0.1 }
}
`;

type Settings = Record<string, 'off' | 'warn' | 'error'>;

/** Settings that keep the missing control plane of these fragments out of the way. */
function rules(settings: Settings = {}): Settings {
  return { 'control-plane-incomplete': 'off', ...settings };
}

async function model(text: string) {
  const loaded = await loadTopologyFromText(text, 'snippet.topo', { cwd: ROOT });
  expect(loaded.diagnostics).toEqual([]);
  return loaded.model;
}

describe('check', () => {
  it('reports with the default severities, as checker diagnostics with the rule metadata', async () => {
    const findings = check(await model(NODE), { rules: rules() });
    expect(findings.map((d) => [d.ruleId, d.severity])).toEqual([
      ['node-missing-kube-proxy', 'warning'],
      ['pod-empty', 'error'],
    ]);
    const empty = findings[1];
    expect(empty).toMatchObject({
      file: 'snippet.topo',
      source: 'checker',
      messageId: 'noContainers',
      message: 'Pod w/p has no containers; a pod needs at least one',
    });
    expect(empty?.hint).toMatch(/Add a `container/);
    expect(empty?.range.start).toMatchObject({ line: 4, column: 3 });
  });

  it('lets the config turn rules off, down to warnings, or up to errors', async () => {
    const findings = check(await model(NODE), {
      rules: rules({ 'node-missing-kube-proxy': 'error', 'pod-empty': 'warn', 'image-unpinned': 'off' }),
    });
    expect(findings.map((d) => [d.ruleId, d.severity])).toEqual([
      ['node-missing-kube-proxy', 'error'],
      ['pod-empty', 'warning'],
    ]);
    const quieter = check(await model(NODE), { rules: rules({ 'pod-empty': 'off' }) });
    expect(quieter.map((d) => d.ruleId)).toEqual(['node-missing-kube-proxy']);
    expect(check(await model(NODE)).map((d) => d.ruleId)).toContain('control-plane-incomplete');
  });

  it('returns findings sorted', async () => {
    const findings = check(
      await model(`machine b {
  pod q { container Z { image "z" } }
}
machine a {
  pod p { container c { image "x" } }
}
`),
    );
    expect(findings.length).toBeGreaterThan(4);
    expect(findings).toEqual([...findings].sort(compareDiagnostics));
  });
});

describe('suppression directives', () => {
  it('suppress a rule for the whole file', async () => {
    const text = `# topodoc-disable node-missing-kube-proxy, pod-empty -- a fragment\n${NODE}`;
    expect(check(await model(text), { rules: rules() })).toEqual([]);
  });

  it('suppress only findings that start on the next statement line', async () => {
    const text = `machine w {
  process kubelet
  process containerd
  process kube-proxy
  # topodoc-disable-next-line pod-empty -- placeholder
  pod p { ip 10.0.0.1 }
  pod q { ip 10.0.0.2 }
}
`;
    const findings = check(await model(text), { rules: rules() });
    expect(findings.map((d) => [d.ruleId, d.range.start.line])).toEqual([['pod-empty', 7]]);
  });

  it('suppress only the rules they name', async () => {
    const text = `# topodoc-disable node-missing-kube-proxy -- a fragment\n${NODE}`;
    expect(check(await model(text), { rules: rules() }).map((d) => d.ruleId)).toEqual(['pod-empty']);
  });

  it('are not reported as unused unless asked', async () => {
    const text = `# topodoc-disable image-unpinned -- nothing to do\n${NODE}`;
    expect(check(await model(text)).map((d) => d.ruleId)).not.toContain(UNUSED_DIRECTIVE_ID);
  });

  it('that suppress nothing are reported as warnings when asked, naming the idle rules', async () => {
    const text = `# topodoc-disable image-unpinned, pod-empty -- stale
machine w {
  process kubelet
  process containerd
  process kube-proxy
  # topodoc-disable-next-line volume-unused -- stale
  pod p { ip 10.0.0.1 }
}
`;
    const findings = check(await model(text), { rules: rules(), reportUnusedDisableDirectives: true });
    const unused = findings.filter((d) => d.ruleId === UNUSED_DIRECTIVE_ID);
    expect(unused.map((d) => [d.range.start.line, d.severity, d.source, d.message])).toEqual([
      [
        1,
        'warning',
        'checker',
        'Unused topodoc-disable directive: no image-unpinned finding in this file to suppress',
      ],
      [
        6,
        'warning',
        'checker',
        'Unused topodoc-disable directive: no volume-unused finding on line 7 to suppress',
      ],
    ]);
    expect(findings.map((d) => d.ruleId)).not.toContain('pod-empty');
  });

  it('count as unused when their rule is turned off', async () => {
    const text = `# topodoc-disable pod-empty -- placeholder pods\n${NODE}`;
    const findings = check(await model(text), {
      rules: rules({ 'pod-empty': 'off' }),
      reportUnusedDisableDirectives: true,
    });
    expect(findings.map((d) => d.ruleId)).toEqual([UNUSED_DIRECTIVE_ID, 'node-missing-kube-proxy']);
  });

  it('apply to the file they are written in, not to the files it imports', async () => {
    const analysis = await analyzeSnippet(
      '# topodoc-disable volume-unused -- not here\nimport "test/fixtures/checker/multi/workers.topo"\n',
    );
    const unused = analysis.diagnostics.filter((d) => d.ruleId === 'volume-unused');
    expect(unused.map((d) => d.file)).toEqual(['test/fixtures/checker/multi/workers.topo']);
  });
});
