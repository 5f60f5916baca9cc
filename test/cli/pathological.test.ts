// Hostile input end to end through `topodoc check` (not only the parser): every case is answered
// with `syntax` findings or one sentence, and the human formats stay bounded (rules.md C): at most
// 100 findings of a rule per file and 200 characters of a source line in a code frame.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, workspace } from './cli.js';

const CASES: [string, string | Buffer][] = [
  ['100 000 unclosed braces', `machine m {\n${'{'.repeat(100_000)}`],
  [
    '5 000 nested blocks',
    `machine m {\n${Array.from({ length: 5000 }, (_, i) => `group g${i} {\n`).join('')}${'}\n'.repeat(5001)}`,
  ],
  ['a 1 MB line', `machine m "${'x'.repeat(1 << 20)} {\n  process p\n}\n`],
  [
    'NUL bytes in text',
    `machine m {\n${'  process p\u0000 # a NUL byte in a line of ordinary text\n'.repeat(3000)}}\n`,
  ],
  ['a 200 000-digit number', `machine m {\n  pod p { container c { listen ${'9'.repeat(200_000)} } }\n}\n`],
  ['5 000 unknown properties', `machine m {\n${'  colour blue\n'.repeat(5000)}}\n`],
  [
    'a 1 MB image name in a finding',
    `machine m {\n  pod p { container c { image "${'x'.repeat(1 << 20)}" } }\n}\n`,
  ],
  ['a 100 000-character reference', `machine m {\n  process p { connect ${'z'.repeat(100_000)}:80 }\n}\n`],
];

/** Display columns of the widest line (the gutter and indent of a code frame come on top of 200). */
function widest(text: string): number {
  return Math.max(...text.split('\n').map((line) => [...line].length));
}

describe('topodoc check on pathological input', () => {
  const dir = workspace();

  it.each(CASES)('%s: findings, exit 1, bounded stylish and unix output', async (name, content) => {
    const file = `${name.replace(/\W+/g, '-')}.topo`;
    writeFileSync(join(dir, file), content);
    const stylish = await cli(dir, ['check', file]);
    expect(stylish.stderr).toBe('');
    expect(stylish.code).toBe(1);
    expect(stylish.stdout).toMatch(/\n✖ \d+ problems? \(\d+ errors?, \d+ warnings?\)\n$/);
    expect(widest(stylish.stdout)).toBeLessThanOrEqual(1100);
    const frames = stylish.stdout.split('\n').filter((line) => /^ {4}\d+ \| /.test(line));
    expect(widest(frames.join('\n'))).toBeLessThanOrEqual(220);
    expect(stylish.stdout.split('\n').length).toBeLessThan(100 * 6 + 10);
    const unix = await cli(dir, ['check', '-f', 'unix', file]);
    expect(unix.code).toBe(1);
    const lines = unix.stdout.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(101);
    expect(lines[0]).toMatch(new RegExp(`^${file}:\\d+:\\d+: (error|warning): .* \\[[a-z-]+\\]$`));
    expect(widest(unix.stdout)).toBeLessThanOrEqual(1100);
  });

  it('caps a rule at 100 findings per file and says how many were left out', async () => {
    writeFileSync(join(dir, 'many.topo'), `machine m {\n${'  colour blue\n'.repeat(250)}}\n`);
    const unix = await cli(dir, ['check', '-f', 'unix', 'many.topo']);
    const lines = unix.stdout.trimEnd().split('\n');
    expect(lines.filter((line) => line.endsWith('[unknown-property]'))).toHaveLength(100);
    expect(lines.at(-1)).toBe('many.topo: … 150 more unknown-property findings not shown');
    const json = JSON.parse((await cli(dir, ['check', '-f', 'json', 'many.topo'])).stdout) as {
      messages: unknown[];
    }[];
    expect(json[0]?.messages).toHaveLength(250);
  });

  it('reads CRLF line endings and a BOM without shifting lines or columns', async () => {
    const text = 'machine m {\n  pod p {\n    ip 10.0.0.300\n  }\n}\n';
    writeFileSync(join(dir, 'lf.topo'), text);
    writeFileSync(join(dir, 'crlf-bom.topo'), `\uFEFF${text.replace(/\n/g, '\r\n')}`);
    const lf = await cli(dir, ['check', '-f', 'unix', '--rule', 'pod-empty=off', 'lf.topo']);
    const crlf = await cli(dir, ['check', '-f', 'unix', '--rule', 'pod-empty=off', 'crlf-bom.topo']);
    expect(lf.stdout).toMatch(/^lf\.topo:3:8: error: .*\[invalid-value\]$/m);
    expect(crlf.stdout).toBe(lf.stdout.replaceAll('lf.topo', 'crlf-bom.topo'));
    const frame = await cli(dir, ['check', '--rule', 'pod-empty=off', 'crlf-bom.topo']);
    expect(frame.stdout).toContain('    3 |     ip 10.0.0.300\n');
    expect(frame.stdout).not.toContain('\r');
    expect(frame.stdout).not.toContain('\uFEFF');
  });
});
