// SARIF output validated against the official 2.1.0 schema (any violation fails), plus what
// GitHub code scanning needs: rules with help and URLs, relative URIs, stable fingerprints.

import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { formatReport } from '../../src/report/index.js';
import { finding, sampleInput, WEB } from './sample.js';

const schema = JSON.parse(
  readFileSync(new URL('../fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8'),
) as object;

// ajv-formats is CommonJS: under NodeNext its default export may arrive wrapped.
const addFormats = ((addFormatsPlugin as unknown as { default?: unknown }).default ?? addFormatsPlugin) as (
  ajv: Ajv,
) => Ajv;

function validator() {
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

const validate = validator();

interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: SarifRule[] } };
    columnKind: string;
    results: SarifResult[];
  }[];
}
interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri: string;
  defaultConfiguration: { level: string };
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: object } }[];
  relatedLocations?: object[];
  partialFingerprints: Record<string, string>;
}

function sarif(diagnostics?: Diagnostic[]): SarifLog {
  const text = formatReport('sarif', sampleInput(diagnostics ? { diagnostics } : {}));
  const log = JSON.parse(text) as SarifLog;
  expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
  return log;
}

describe('sarif', () => {
  it('validates against the official SARIF 2.1.0 schema, with and without findings', () => {
    sarif();
    sarif([]);
  });

  it('the validator rejects a broken document (the schema check is real)', () => {
    expect(validate({ version: '2.0.0', runs: [] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
    expect(
      validate({
        version: '2.1.0',
        runs: [{ tool: { driver: { name: 't' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }],
      }),
    ).toBe(false);
  });

  it('describes every rule with help text, a docs URL and a default level', () => {
    const { rules, name, version, informationUri } = sarif().runs[0]?.tool.driver ?? ({} as never);
    expect(name).toBe('topodoc');
    expect(version).toBe('0.1.0');
    expect(informationUri).toMatch(/^https:\/\//);
    expect(rules.map((r) => r.id)).toEqual([...rules.map((r) => r.id)].sort());
    for (const rule of rules) {
      expect(rule.shortDescription.text.length).toBeGreaterThan(0);
      expect(rule.fullDescription.text.length).toBeLessThanOrEqual(1024);
      expect(rule.help.text).toContain(rule.helpUri);
      expect(rule.help.markdown).toContain(`(${rule.helpUri})`);
      expect(rule.helpUri).toBe(`https://github.com/topodoc/topodoc/blob/main/docs/rules/${rule.id}.md`);
      expect(['error', 'warning']).toContain(rule.defaultConfiguration.level);
    }
  });

  it('points each result at its rule, with relative URIs, UTF-16 columns and exclusive ends', () => {
    const run = sarif().runs[0];
    expect(run?.columnKind).toBe('utf16CodeUnits');
    for (const result of run?.results ?? []) {
      expect(run?.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
      expect(result.locations[0]?.physicalLocation.artifactLocation).toMatchObject({
        uriBaseId: '%SRCROOT%',
      });
      expect(result.locations[0]?.physicalLocation.artifactLocation.uri).not.toMatch(/^\/|^file:/);
    }
    const cross = run?.results.find((r) => r.ruleId === 'localhost-cross-pod');
    // The range holds 健康 (2 units), 🚑 (a surrogate pair: 2 units) and ASCII.
    expect(cross?.locations[0]?.physicalLocation.region).toEqual({
      startLine: 15,
      startColumn: 42,
      endLine: 15,
      endColumn: 42 + 'connect localhost:8080 "健康 🚑 check"'.length,
    });
    expect(run?.results.find((r) => r.ruleId === 'pod-port-conflict')?.relatedLocations).toHaveLength(1);
  });

  it('keeps fingerprints when lines move and tells repeated findings on one line apart', () => {
    const d = finding(
      'web.topo',
      WEB,
      9,
      'image "nginx"',
      'warning',
      'image-unpinned',
      'Image "nginx" has no tag',
    );
    const moved: Diagnostic = {
      ...d,
      range: {
        start: { ...d.range.start, line: 30 },
        end: { ...d.range.end, line: 30 },
      },
    };
    const shiftedSource = `${'\n'.repeat(21)}${WEB}`;
    const before = JSON.parse(formatReport('sarif', sampleInput({ diagnostics: [d] }))) as SarifLog;
    const after = JSON.parse(
      formatReport(
        'sarif',
        sampleInput({ diagnostics: [moved], sources: new Map([['web.topo', shiftedSource]]) }),
      ),
    ) as SarifLog;
    const print = (log: SarifLog) => log.runs[0]?.results[0]?.partialFingerprints;
    expect(print(after)).toEqual(print(before));
    const twice = sarif([d, { ...d, message: 'another finding on the same line' }]).runs[0]?.results ?? [];
    const [first, second] = twice.map((r) => Object.values(r.partialFingerprints)[0]);
    expect(first).not.toBe(second);
    expect(first?.split(':')[0]).toBe(second?.split(':')[0]);
  });

  it('gives a rule descriptor to a rule id missing from the catalog', () => {
    const odd = finding('web.topo', WEB, 9, 'image', 'warning', 'not-in-catalog', 'Odd finding');
    const run = sarif([odd]).runs[0];
    const result = run?.results[0];
    expect(run?.tool.driver.rules[result?.ruleIndex ?? -1]?.id).toBe('not-in-catalog');
  });

  it('encodes spaces and other URI characters in paths', () => {
    const d = {
      ...finding('web.topo', WEB, 9, 'image', 'warning', 'image-unpinned', 'x'),
      file: 'my dir/a#b.topo',
    };
    const uri = sarif([d]).runs[0]?.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri;
    expect(uri).toBe('my%20dir/a%23b.topo');
  });
});
