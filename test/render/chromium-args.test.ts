// The command line Chromium is started with: what puppeteer.launch would give it, plus the pipe.

import puppeteer from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumArguments } from '../../src/render/svg/chromium-args.js';

describe('chromiumArguments', () => {
  it.each([
    ['/usr/bin/chromium-headless-shell', 'shell'],
    ['/usr/bin/chromium', true],
  ] as const)('starts %s with the arguments puppeteer.launch would give it', (executable, headless) => {
    const ours = chromiumArguments(executable, '/tmp/profile');
    const puppeteers = puppeteer.defaultArgs({
      headless,
      userDataDir: '/tmp/profile',
      args: [...CHROMIUM_ARGS, '--remote-debugging-pipe'],
    });
    expect([...ours].sort()).toEqual([...puppeteers].sort());
  });
});
