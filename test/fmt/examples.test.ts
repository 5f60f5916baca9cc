// The formatter on the project's examples: formatting keeps each example's model and findings, and
// formatting twice changes nothing.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { format } from '../../src/fmt/format.js';
import { modelProjection } from './model-projection.js';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
const examples = readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.topo'))
  .map((name) => name.split('\\').join('/'))
  .sort();

describe('fmt on examples/', () => {
  it.each(examples)('%s keeps its model and is stable', async (name) => {
    const input = readFileSync(join(EXAMPLES, name), 'utf8');
    const once = format(input, name);
    if (!once.ok) throw new Error(`${name} has syntax errors`);
    expect(format(once.text, name)).toEqual(once);
    expect(await modelProjection(once.text)).toEqual(await modelProjection(input));
  });
});
