// fmt of a block with 150,000 statements: printed whole, not a stack overflow (the printer once
// spread each block's lines as call arguments).

import { describe, expect, it } from 'vitest';
import { format } from '../../src/fmt/format.js';

describe('a very wide block', () => {
  it('formats 150,000 statements in one block', () => {
    const count = 150_000;
    const body = Array.from({ length: count }, (_, i) => `    process p${i}`).join('\n');
    const result = format(`machine   m {\n${body}\n}\n`, 'wide.topo');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const lines = result.text.split('\n');
    expect(lines[0]).toBe('machine m {');
    expect(lines[count]).toBe(`  process p${count - 1}`);
    expect(lines).toHaveLength(count + 3);
  });
});
