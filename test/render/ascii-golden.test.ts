// Golden files of every ASCII view in both charsets for every render fixture:
// test/fixtures/render/<case>/<view>.expected.txt and <view>-ascii.expected.txt (UPDATE_GOLDEN=1 rewrites them).

import { join } from 'node:path';
import { describe, it } from 'vitest';
import { ASCII_VIEWS, renderAscii } from '../../src/render/ascii/index.js';
import { expectGolden } from '../helpers/golden.js';
import { loadFixtures } from './ascii-fixtures.js';

const fixtures = await loadFixtures();
const cases = fixtures.flatMap((fixture) =>
  ASCII_VIEWS.flatMap((view) =>
    (['unicode', 'ascii'] as const).map((charset) => ({
      fixture,
      view,
      charset,
      file: `${view}${charset === 'ascii' ? '-ascii' : ''}.expected.txt`,
    })),
  ),
);

describe('ASCII view goldens', () => {
  it.each(cases)('$fixture.name: $file', ({ fixture, view, charset, file }) => {
    const drawing = renderAscii(fixture.model, { views: [view], charset });
    const actual = drawing === '' ? '' : `${drawing}\n`;
    expectGolden(actual, join(fixture.dir, file));
  });
});
