// Pathological input: every limit is reported as a `syntax` finding with bounded output, never a crash.

import { describe, expect, it } from 'vitest';
import { MAX_DIAGNOSTICS, MAX_NESTING, parse } from '../../src/parser/index.js';

const messagesOf = (text: string): string[] => parse(text, 'big.topo').diagnostics.map((d) => d.message);

describe('parser limits', () => {
  it('reports blocks nested deeper than the limit once and keeps what follows', () => {
    const depth = 5000;
    const text = `${'group g {\n'.repeat(depth)}${'}\n'.repeat(depth)}process after\n`;
    const { document, diagnostics } = parse(text, 'deep.topo');
    expect(diagnostics.map((d) => d.message)).toEqual([
      `blocks nested deeper than ${MAX_NESTING} levels; the inner blocks were skipped`,
    ]);
    expect(diagnostics[0]?.range.start.line).toBe(MAX_NESTING + 1);
    expect(document.body.map((s) => s.name.text)).toEqual(['g', 'after']);
  });

  it('bounds 100 000 unclosed braces', () => {
    const messages = messagesOf('{'.repeat(100_000));
    expect(messages.length).toBeLessThanOrEqual(2 * MAX_NESTING + 4);
    expect(messages).toContain(
      `blocks nested deeper than ${MAX_NESTING} levels; the inner blocks were skipped`,
    );
  });

  it('bounds 5 000 unclosed nested blocks on one line', () => {
    const messages = messagesOf('pod p {'.repeat(5000));
    expect(messages.length).toBeLessThanOrEqual(MAX_NESTING + 2);
    expect(messages.at(-1)).toBe('expected `}` to close `pod p` opened at line 1');
  });

  it('caps 100 000 stray closing braces at the diagnostic limit with a count of the rest', () => {
    const { diagnostics } = parse('}\n'.repeat(100_000), 'braces.topo');
    expect(diagnostics).toHaveLength(MAX_DIAGNOSTICS);
    expect(diagnostics.at(-1)?.message).toBe(
      `${100_000 - (MAX_DIAGNOSTICS - 1)} more syntax errors not shown`,
    );
  });

  it('reads a 1 MB line', () => {
    const { document, diagnostics } = parse(`note "${'a'.repeat(1 << 20)}"\nprocess after`, 'line.topo');
    expect(diagnostics).toEqual([]);
    expect(document.body).toHaveLength(2);
  });

  it('reports a 1 MB line of stray characters as one finding', () => {
    const messages = messagesOf(`${'@'.repeat(1 << 20)}\nprocess after`);
    expect(messages).toEqual([`unexpected characters \`${'@'.repeat(39)}…\` (${1 << 20} characters)`]);
  });

  it('reports a 200 000-digit number as too long', () => {
    expect(messagesOf(`listen ${'9'.repeat(200_000)}`)).toEqual([
      'number too long (200000 digits; at most 15)',
    ]);
  });

  it('accepts 15 digits and rejects 16', () => {
    expect(messagesOf('listen 123456789012345')).toEqual([]);
    expect(messagesOf('listen 1234567890123456')).toEqual(['number too long (16 digits; at most 15)']);
  });

  it('reports NUL bytes as characters, by code point', () => {
    const { document, diagnostics } = parse('machine m {\0\0 kind vm\0 }\n', 'nul.topo');
    expect(diagnostics.map((d) => d.message)).toEqual([
      'unexpected characters U+0000 U+0000 (2 characters)',
      'unexpected character U+0000',
    ]);
    expect(document.body).toHaveLength(1);
  });

  it('reads an unterminated megabyte-long triple-quoted string', () => {
    expect(messagesOf(`doc """${'a"'.repeat(1 << 19)}`)).toEqual([
      'unterminated string: `"""` has no closing `"""`',
    ]);
  });
});
