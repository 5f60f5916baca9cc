// `topodoc check` end to end on .topo fixtures: every format, exit codes, --max-warnings,
// --rule, config, file errors, colour, and several reports in one run.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { expectGolden } from '../helpers/golden.js';
import { cli, workspace } from './cli.js';

const GOLDEN = join(import.meta.dirname, '../fixtures/cli/goldens');

const addFormats = ((addFormatsPlugin as unknown as { default?: unknown }).default ?? addFormatsPlugin) as (
  ajv: Ajv,
) => Ajv;
const sarifSchema = JSON.parse(
  readFileSync(new URL('../fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8'),
) as object;

interface JsonFile {
  filePath: string;
  messages: { ruleId: string; severity: number }[];
}

describe('topodoc check: formats', () => {
  const dir = workspace();

  it.each([
    ['stylish', 'txt'],
    ['unix', 'txt'],
    ['json', 'json'],
    ['github', 'txt'],
  ])('%s output of a file with errors and warnings matches its golden (exit 1)', async (format, ext) => {
    const { code, stdout, stderr } = await cli(dir, ['check', '--format', format, 'errors.topo']);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expectGolden(stdout, `${GOLDEN}/errors.${format}.expected.${ext}`);
  });

  it('sarif output is valid SARIF 2.1.0 and lists every finding', async () => {
    const { code, stdout } = await cli(dir, [
      'check',
      '-f',
      'sarif',
      'errors.topo',
      'broken.topo',
      'clean.topo',
    ]);
    expect(code).toBe(1);
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(sarifSchema);
    const log = JSON.parse(stdout);
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const results = log.runs[0].results as {
      ruleId: string;
      locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
    }[];
    expect(results.map((r) => r.ruleId)).toEqual([
      'syntax',
      'syntax',
      'node-missing-kube-proxy',
      'image-unpinned',
      'pod-port-conflict',
      'pod-ip-duplicate',
      'localhost-cross-pod',
    ]);
    expect(results[0]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('broken.topo');
    const ruleIds = (log.runs[0].tool.driver.rules as { id: string }[]).map((r) => r.id);
    expect(ruleIds).toContain('pod-empty');
    expect(ruleIds).toContain('syntax');
  });

  it('json lists clean files too and reports syntax errors alone, as rule `syntax`', async () => {
    const { code, stdout } = await cli(dir, ['check', '-f', 'json', '*.topo']);
    expect(code).toBe(1);
    const files = JSON.parse(stdout) as JsonFile[];
    expect(files.map((f) => f.filePath)).toEqual([
      'broken.topo',
      'clean.topo',
      'errors.topo',
      'warnings.topo',
    ]);
    expect(files[0]?.messages.map((m) => m.ruleId)).toEqual(['syntax', 'syntax']);
    expect(files[1]?.messages).toEqual([]);
  });

  it('stylish is the default and prints nothing for a clean file (exit 0)', async () => {
    expect(await cli(dir, ['check', 'clean.topo'])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect((await cli(dir, ['check', 'errors.topo'])).stdout).toBe(
      (await cli(dir, ['check', '--format=stylish', 'errors.topo'])).stdout,
    );
  });
});

describe('topodoc check: exit codes and warnings', () => {
  const dir = workspace();

  it('exits 0 with warnings only, 1 with errors', async () => {
    const warnings = await cli(dir, ['check', '-f', 'unix', 'warnings.topo']);
    expect(warnings.code).toBe(0);
    expect(warnings.stdout.trimEnd().split('\n')).toHaveLength(2);
    expect((await cli(dir, ['check', 'errors.topo', 'clean.topo'])).code).toBe(1);
  });

  it('--max-warnings N: exit 1 with more than N warnings, and says so on stderr', async () => {
    expect((await cli(dir, ['check', '--max-warnings', '2', 'warnings.topo'])).code).toBe(0);
    const over = await cli(dir, ['check', '-f', 'json', '--max-warnings', '1', 'warnings.topo']);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('topodoc: too many warnings (2; --max-warnings is 1).\n');
    expect(() => JSON.parse(over.stdout)).not.toThrow();
    expect((await cli(dir, ['check', '--max-warnings=0', 'warnings.topo'])).code).toBe(1);
    expect((await cli(dir, ['check', '--max-warnings', '0', 'clean.topo'])).code).toBe(0);
  });

  it('--max-warnings needs a whole number', async () => {
    expect(await cli(dir, ['check', '--max-warnings', 'many', 'clean.topo'])).toEqual({
      code: 2,
      stdout: '',
      stderr: '--max-warnings expects a whole number (0 or more), got "many".\n',
    });
  });
});

describe('topodoc check: inputs', () => {
  const dir = workspace();
  mkdirSync(join(dir, 'nested/deeper'), { recursive: true });
  mkdirSync(join(dir, 'empty'));
  writeFileSync(join(dir, 'nested/deeper/x.topo'), readFileSync(join(dir, 'clean.topo')));

  it.each([
    [['missing.topo'], 'Cannot find the .topo file "missing.topo".'],
    [['empty'], 'The directory "empty" holds no .topo file or Kubernetes manifest.'],
    [['nothing/*.topo'], 'No .topo file matches "nothing/*.topo".'],
    [
      [],
      'topodoc check needs at least one .topo file, Kubernetes manifest, directory or glob. Run `topodoc check --help`.',
    ],
  ])('%j is one sentence and exit 2', async (files, message) => {
    expect(await cli(dir, ['check', ...files])).toEqual({ code: 2, stdout: '', stderr: `${message}\n` });
  });

  it('expands globs, sorted, each file once', async () => {
    const { code, stdout } = await cli(dir, [
      'check',
      '-f',
      'json',
      '**/*.topo',
      'clean.topo',
      'nested/**/x.topo',
    ]);
    expect(code).toBe(1);
    expect((JSON.parse(stdout) as JsonFile[]).map((f) => f.filePath)).toEqual([
      'broken.topo',
      'clean.topo',
      'errors.topo',
      'nested/deeper/x.topo',
      'warnings.topo',
    ]);
  });

  it('checks the .topo files below a directory', async () => {
    const { code, stdout } = await cli(dir, ['check', '-f', 'json', 'nested']);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as JsonFile[]).map((f) => f.filePath)).toEqual(['nested/deeper/x.topo']);
  });

  it('shows paths relative to the working directory', async () => {
    const { stdout } = await cli(join(dir, 'nested'), ['check', '-f', 'unix', '../warnings.topo']);
    expect(stdout).toMatch(/^\.\.\/warnings\.topo:15:5: warning: /);
  });

  it('counts a finding in a file imported by two entries once', async () => {
    writeFileSync(join(dir, 'common.topo'), 'machine shared { ip 192.168.1.20 }\n');
    writeFileSync(join(dir, 'one.topo'), 'import "common.topo"\nmachine m1 { ip 192.168.1.21 }\n');
    writeFileSync(join(dir, 'two.topo'), 'import "common.topo"\nmachine m2 { ip 192.168.1.21 }\n');
    writeFileSync(join(dir, 'common.topo'), 'machine shared {\n  pod p { ip 10.0.0.1 }\n}\n');
    const { stdout } = await cli(dir, ['check', '-f', 'json', 'one.topo', 'two.topo']);
    const files = JSON.parse(stdout) as JsonFile[];
    expect(files.map((f) => f.filePath)).toEqual(['common.topo', 'one.topo', 'two.topo']);
    const common = files[0]?.messages.map((m) => m.ruleId) ?? [];
    expect(common.length).toBeGreaterThan(0);
    expect(new Set(common).size).toBe(common.length);
  });

  it('refuses an import outside the project root unless --allow-outside-root', async () => {
    mkdirSync(join(dir, 'project'), { recursive: true });
    writeFileSync(join(dir, 'project/package.json'), '{"name": "p"}\n');
    writeFileSync(join(dir, 'project/main.topo'), 'import "../clean.topo"\n');
    const refused = await cli(join(dir, 'project'), ['check', '-f', 'unix', 'main.topo']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/^main\.topo:1:\d+: error: .*\[import-error\]$/m);
    expect(await cli(join(dir, 'project'), ['check', '--allow-outside-root', 'main.topo'])).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
  });
});

describe('topodoc check: rules and config', () => {
  it('--rule turns a rule off or raises it to an error', async () => {
    const dir = workspace();
    const off = await cli(dir, ['check', '-f', 'unix', '--rule', 'pod-port-conflict=off', 'errors.topo']);
    expect(off.stdout).not.toContain('[pod-port-conflict]');
    expect(off.stdout).toContain('[pod-ip-duplicate]');
    const raised = await cli(dir, [
      'check',
      '-f',
      'unix',
      '--rule',
      'image-unpinned=error',
      '--rule',
      'volume-unused=off',
      'warnings.topo',
    ]);
    expect(raised.code).toBe(1);
    expect(raised.stdout).toMatch(/: error: .*\[image-unpinned\]\n$/);
  });

  it.each([
    ['pod-emty=off', '--rule: unknown rule "pod-emty"; did you mean `pod-empty`?'],
    ['syntax=off', '--rule syntax: model errors are always errors and cannot be configured.'],
    ['pod-empty', '--rule expects id=off|warn|error, got "pod-empty".'],
  ])('--rule %s is exit 2', async (value, message) => {
    expect(await cli(workspace(), ['check', '--rule', value, 'clean.topo'])).toEqual({
      code: 2,
      stdout: '',
      stderr: `${message}\n`,
    });
  });

  it('reads rule severities from topodoc.config.json; --rule wins over it', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'topodoc.config.json'), JSON.stringify({ rules: { 'image-unpinned': 'error' } }));
    const fromConfig = await cli(dir, ['check', '-f', 'unix', 'warnings.topo']);
    expect(fromConfig.code).toBe(1);
    expect(fromConfig.stdout).toContain(': error: ');
    expect((await cli(dir, ['check', '--rule', 'image-unpinned=warn', 'warnings.topo'])).code).toBe(0);
  });

  it('reads the "topodoc" key of package.json in a parent directory', async () => {
    const dir = workspace();
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'x', topodoc: { rules: { 'volume-unused': 'off' } } }),
    );
    mkdirSync(join(dir, 'sub'));
    const { stdout } = await cli(join(dir, 'sub'), ['check', '-f', 'unix', '../warnings.topo']);
    expect(stdout).not.toContain('volume-unused');
    expect(stdout).toContain('image-unpinned');
  });

  it('an invalid config is exit 2 naming the key; a model error id gets its own message', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'topodoc.config.json'), JSON.stringify({ rules: { 'unknown-property': 'off' } }));
    expect(await cli(dir, ['check', 'clean.topo'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'Invalid config in topodoc.config.json: "rules.unknown-property" is a model error, which is always an error and cannot be configured.\n',
    });
    writeFileSync(join(dir, 'topodoc.config.json'), JSON.stringify({ ascii: { width: 'wide' } }));
    expect((await cli(dir, ['check', 'clean.topo'])).stderr).toBe(
      'Invalid config in topodoc.config.json: "ascii.width" must be an integer.\n',
    );
  });

  it('--report-unused-disable-directives reports a directive that suppressed nothing', async () => {
    const dir = workspace();
    const text = readFileSync(join(dir, 'clean.topo'), 'utf8').replace(
      '    container app',
      '    # topodoc-disable-next-line image-unpinned -- pinned below anyway\n    container app',
    );
    writeFileSync(join(dir, 'directive.topo'), text);
    expect((await cli(dir, ['check', 'directive.topo'])).stdout).toBe('');
    const reported = await cli(dir, [
      'check',
      '-f',
      'unix',
      '--report-unused-disable-directives',
      'directive.topo',
    ]);
    expect(reported.code).toBe(0);
    expect(reported.stdout).toMatch(/^directive\.topo:\d+:\d+: warning: .*\[unused-disable-directive\]\n$/);
  });
});

describe('topodoc check: colour and several reports', () => {
  it('colours stylish on a TTY, never with NO_COLOR, never off a TTY', async () => {
    const dir = workspace();
    expect((await cli(dir, ['check', 'errors.topo'], { isTTY: true })).stdout).toContain('\u001B[31m');
    expect(
      (await cli(dir, ['check', 'errors.topo'], { isTTY: true, env: { NO_COLOR: '1' } })).stdout,
    ).not.toContain('\u001B');
    expect((await cli(dir, ['check', 'errors.topo'], { isTTY: false })).stdout).not.toContain('\u001B');
  });

  it('writes each --format to the -o after it, the one without -o to stdout', async () => {
    const dir = workspace();
    const { code, stdout, stderr } = await cli(
      dir,
      [
        'check',
        '--format',
        'sarif',
        '-o',
        'reports/topodoc.sarif',
        '-f',
        'unix',
        '--format',
        'json',
        '--output',
        'r.json',
        'errors.topo',
      ],
      { isTTY: true },
    );
    expect({ code, stderr }).toEqual({ code: 1, stderr: '' });
    expect(stdout).toBe((await cli(dir, ['check', '-f', 'unix', 'errors.topo'])).stdout);
    expect(JSON.parse(readFileSync(join(dir, 'reports/topodoc.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(readFileSync(join(dir, 'r.json'), 'utf8')).toBe(
      (await cli(dir, ['check', '-f', 'json', 'errors.topo'])).stdout,
    );
  });

  it('pairs a single -o with a single --format in either order, and never colours a file', async () => {
    const dir = workspace();
    expect(await cli(dir, ['check', '-o', 'a.json', '-f', 'json', 'errors.topo'])).toEqual({
      code: 1,
      stdout: '',
      stderr: '',
    });
    expect(JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8'))).toHaveLength(1);
    await cli(dir, ['check', '-o', 'plain.txt', 'errors.topo'], { isTTY: true });
    const plain = readFileSync(join(dir, 'plain.txt'), 'utf8');
    expect(plain).toContain('✖ 5 problems');
    expect(plain).not.toContain('\u001B');
  });

  it.each([
    [['-f', 'json', '-f', 'unix'], 'Only one report can go to stdout, but json and unix have no -o FILE.'],
    [
      ['-f', 'json', '-o', 'a', '-o', 'b'],
      '-o b has no --format before it; write each report as --format NAME -o FILE.',
    ],
    [
      ['-f', 'json', '-o', 'a', '-f', 'sarif', '-o', 'a'],
      'Two reports are written to a; give each its own -o FILE.',
    ],
    [['-f', 'jsn'], 'Unknown format "jsn"; did you mean `json`?'],
    [['-f', 'json', '-o', '.'], 'Cannot write the json report to .: it is a directory.'],
    [['-f', 'html'], 'Unknown format "html"; use one of stylish, unix, json, sarif, github.'],
  ])('%j is exit 2 and writes nothing', async (flags, message) => {
    const dir = workspace();
    expect(await cli(dir, ['check', ...flags, 'errors.topo'])).toEqual({
      code: 2,
      stdout: '',
      stderr: `${message}\n`,
    });
    expect(existsSync(join(dir, 'a'))).toBe(false);
  });
});
