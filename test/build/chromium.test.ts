// One real build with Chromium (when the machine has one): the SVG is rendered, carries its cache
// key, and a second build reuses it without starting the browser.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFiles } from '../../src/build/index.js';
import { DEFAULT_CONFIG } from '../../src/config/types.js';
import { readSvgCacheKey, svgCacheKey } from '../../src/render/svg/index.js';
import { chromiumUnderTest } from '../helpers/chromium.js';
import { fakeIo } from '../helpers/io.js';
import { fakeRenderer, project, SMALL_NODE } from './helpers.js';

const { browser, skipReason } = chromiumUnderTest(process.env, 'build with a real browser');

describe('build with a real browser', () => {
  it.skipIf(browser === undefined)(
    `renders x.svg with Chromium and reuses it${skipReason}`,
    async () => {
      const cwd = project({ 'a.topo': SMALL_NODE });
      const options = { outDir: join(cwd, 'out'), config: DEFAULT_CONFIG, svgMode: 'required' as const };
      const first = fakeIo({ cwd, env: process.env });
      const result = await buildFiles([join(cwd, 'a.topo')], { ...options, io: first.io });
      expect(first.stderr()).toBe('');
      expect(result.exitCode).toBe(0);
      const svg = readFileSync(join(cwd, 'out/a.svg'), 'utf8');
      expect(readSvgCacheKey(svg)).toBe(svgCacheKey(readFileSync(join(cwd, 'out/a.mmd'), 'utf8')));
      expect(svg).toContain('<svg');
      expect(svg).not.toContain('<script');

      const spy = fakeRenderer();
      const second = fakeIo({ cwd, env: process.env });
      await buildFiles([join(cwd, 'a.topo')], { ...options, io: second.io, launchRenderer: spy.launch });
      expect(spy.launches).toBe(0);
    },
    120_000,
  );
});
