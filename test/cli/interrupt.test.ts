// Ctrl-C during `topodoc build` with a real browser (skipped, with the reason in the name, when
// none is found): the first interrupt ends the build as the signal does, and the browser and its
// profile folder go with it.

import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SMALL_NODE } from '../build/helpers.js';
import { chromiumUnderTest } from '../helpers/chromium.js';
import { runningProcesses } from '../helpers/processes.js';

const ROOT = join(import.meta.dirname, '../..');
/** tsx by its file: the child runs in the project, where `--import tsx` would not resolve. */
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const { browser, skipReason } = chromiumUnderTest(process.env, 'interrupt tests');

describe('interrupting a build', () => {
  it.skipIf(browser === undefined)(
    `ends it at the first Ctrl-C, leaving no browser or profile folder${skipReason}`,
    async () => {
      const project = mkdtempSync(join(tmpdir(), 'topodoc-interrupt-'));
      const files = Array.from({ length: 8 }, (_, i) => {
        const file = join(project, `n${i}.topo`);
        writeFileSync(file, SMALL_NODE.replace('title "Small"', `title "Small ${i}"`));
        return file;
      });
      // Its own temporary folder: the browser's profile folder is made there, and nowhere else.
      const temporary = mkdtempSync(join(tmpdir(), 'topodoc-interrupt-tmp-'));
      const child = spawn(
        process.execPath,
        [
          '--import',
          TSX,
          join(ROOT, 'src/cli/bin.ts'),
          'build',
          ...files,
          '-o',
          join(project, 'out'),
          '--svg',
          'required',
          '--no-cache',
        ],
        {
          cwd: project,
          env: { ...process.env, TMPDIR: temporary, PUPPETEER_EXECUTABLE_PATH: browser },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child.once('exit', (code, signal) => resolve({ code, signal })),
      );
      // The browser is spawned before the first file is analysed (its SVG is missing).
      const profiles = () => readdirSync(temporary).filter((name) => name.startsWith('topodoc-chromium-'));
      for (let waited = 0; profiles().length === 0; waited += 20) {
        if (waited > 30_000) throw new Error('the build started no browser');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      child.kill('SIGINT');
      expect(await ended).toEqual({ code: null, signal: 'SIGINT' });
      expect(profiles()).toEqual([]);
      expect(runningProcesses().filter((each) => each.commandLine.includes(temporary))).toEqual([]);
      rmSync(project, { recursive: true, force: true });
      rmSync(temporary, { recursive: true, force: true });
    },
    60_000,
  );
});
