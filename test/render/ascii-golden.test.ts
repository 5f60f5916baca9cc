// Golden files of every ASCII view in both charsets for every render fixture:
// test/fixtures/render/<case>/<view>.exp.txt and <view>-ascii.exp.txt (UPDATE_GOLDEN=1 rewrites them).

import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASCII_VIEWS, renderAscii } from '../../src/render/ascii/index.js';
import { loadFixtures } from './ascii-fixtures.js';

const fixtures = await loadFixtures();
const cases = fixtures.flatMap((fixture) =>
  ASCII_VIEWS.flatMap((view) =>
    (['unicode', 'ascii'] as const).map((charset) => ({
      fixture,
      view,
      charset,
      file: `${view}${charset === 'ascii' ? '-ascii' : ''}.exp.txt`,
    })),
  ),
);

describe('ASCII view goldens', () => {
  it.each(cases)('$fixture.name: $file', async ({ fixture, view, charset, file }) => {
    const drawing = renderAscii(fixture.model, { views: [view], charset });
    const actual = drawing === '' ? '' : `${drawing}\n`;
    const path = join(fixture.dir, file);
    if (process.env.UPDATE_GOLDEN === '1') await writeFile(path, actual);
    expect(existsSync(path), `${path} is missing; run with UPDATE_GOLDEN=1`).toBe(true);
    expect(actual).toBe(await readFile(path, 'utf8'));
  });
});
