// The browser process topodoc spawns itself: answering over its pipe, leaving no process or profile
// folder behind — closed, failing to start, killed from outside, or with topodoc killed or
// interrupted — and a browser that cannot start reported in one sentence.

import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { meaningfulLine, spawnChromium } from '../../src/render/svg/chromium-process.js';
import { SvgRenderError, SvgRenderer } from '../../src/render/svg/index.js';
import { chromiumUnderTest } from '../helpers/chromium.js';
import { alive } from '../helpers/processes.js';

const { browser, skipReason } = chromiumUnderTest(process.env, 'chromium-process tests');
const ROOT = join(import.meta.dirname, '../..');

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 50) {
    if (waited > 15_000) throw new Error(`still waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('meaningfulLine', () => {
  it('drops Chromium log lines below ERROR and keeps an error without its log prefix', () => {
    const warning =
      '[1205/203008.640999:WARNING:sandbox/policy/linux/sandbox_linux.cc:405] InitializeSandbox() called with multiple threads';
    expect(meaningfulLine(warning)).toBeUndefined();
    expect(meaningfulLine('[1205/203008.1:INFO:x.cc(1)] started')).toBeUndefined();
    expect(meaningfulLine('[1205/203008.1:ERROR:ozone_platform.cc(9)] Missing X server or $DISPLAY')).toBe(
      'Missing X server or $DISPLAY',
    );
    expect(meaningfulLine('  error while loading shared libraries: libnss3.so  ')).toBe(
      'error while loading shared libraries: libnss3.so',
    );
    expect(meaningfulLine('   ')).toBeUndefined();
    // A full Chromium adds process and thread ids to the prefix.
    expect(
      meaningfulLine('[15233:15263:1205/210219.8:FATAL:zygote_host_impl_linux.cc(1)] No usable sandbox'),
    ).toBe('No usable sandbox');
  });

  it('drops the D-Bus and pipe errors Chromium prints on every start in a container', () => {
    for (const line of [
      '[1205/210218.883672:ERROR:dbus/bus.cc:405] Failed to connect to the bus: Failed to connect to socket /run/dbus/system_bus_socket',
      '[1205/210218.986054:ERROR:dbus/object_proxy.cc:572] Failed to call method: org.freedesktop.DBus.NameHasOwner',
      '[15233:15263:1205/210219.8:ERROR:dbus/bus.cc:405] Failed to connect to the bus',
      '[1205/210218.997276:ERROR:content/browser/devtools/devtools_pipe_handler.cc:188] Connection terminated while reading from pipe',
    ])
      expect(meaningfulLine(line)).toBeUndefined();
  });
});

describe('a browser that cannot start', () => {
  it('is reported in one sentence with the last error it printed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'topodoc-fake-browser-'));
    const fake = join(dir, 'chromium');
    writeFileSync(fake, '#!/bin/sh\necho "first line" >&2\necho "cannot open display" >&2\nexit 3\n');
    chmodSync(fake, 0o755);
    const error = await SvgRenderer.launch({ executablePath: fake, timeoutMs: 10_000 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(SvgRenderError);
    expect((error as Error).message).toBe(`Could not start the browser ${fake}: cannot open display.`);
  });

  it('without a folder for its profile is reported in one sentence', () => {
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = '/nonexistent/tmp';
    try {
      expect(() => spawnChromium('/usr/bin/chromium')).toThrow(
        'Could not start the browser /usr/bin/chromium: cannot make its profile folder in /nonexistent/tmp (no such file)',
      );
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });

  it('that does not exist is reported with the spawn error', async () => {
    const chromium = spawnChromium('/nonexistent/chromium');
    await chromium.exited;
    expect(chromium.failure()).toMatch(/ENOENT/);
    expect(existsSync(chromium.profileDir)).toBe(false);
  });
});

describe.skipIf(browser === undefined)(`a spawned Chromium${skipReason}`, () => {
  it('answers over its pipe, and on close exits and its profile folder goes', async () => {
    const chromium = spawnChromium(browser as string);
    expect(existsSync(chromium.profileDir)).toBe(true);
    const renderer = await SvgRenderer.connect(chromium, {
      executablePath: browser as string,
      timeoutMs: 30_000,
    });
    expect(await renderer.render('flowchart TB\n  a --> b\n')).toContain('<svg');
    await renderer.close();
    expect(existsSync(chromium.profileDir)).toBe(false);
    expect(alive(chromium.pid as number)).toBe(false);
  }, 60_000);

  it('killed from outside, says so rather than what it printed at start, and its renderers go too', async () => {
    const chromium = spawnChromium(browser as string);
    await until(() => readdirSync(chromium.profileDir).length > 0, 'Chromium to start');
    process.kill(chromium.pid as number, 'SIGKILL');
    await chromium.exited;
    expect(chromium.failure()).toBe('it was ended by SIGKILL');
  }, 30_000);

  it.each(['SIGKILL', 'SIGINT', 'SIGTERM'] as const)(
    'does not outlive topodoc ended by %s',
    async (signal) => {
      // A child topodoc holds a browser and prints its process id and profile folder.
      const script = `
        import { SvgRenderer } from ${JSON.stringify(join(ROOT, 'src/render/svg/renderer.ts'))};
        import { spawnChromium } from ${JSON.stringify(join(ROOT, 'src/render/svg/chromium-process.ts'))};
        const chromium = spawnChromium(${JSON.stringify(browser)});
        await SvgRenderer.connect(chromium, { executablePath: ${JSON.stringify(browser)}, timeoutMs: 30000 });
        console.log(JSON.stringify({ profileDir: chromium.profileDir, pid: chromium.pid }));
        setInterval(() => {}, 1000);
      `;
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const line = await new Promise<string>((resolve, reject) => {
        child.stdout.setEncoding('utf8').once('data', resolve);
        child.once('exit', () => reject(new Error('the child ended before its browser started')));
      });
      const { profileDir, pid } = JSON.parse(line) as { profileDir: string; pid: number };
      expect(alive(pid)).toBe(true);
      const ended = new Promise<NodeJS.Signals | null>((resolve) =>
        child.once('exit', (_, how) => resolve(how)),
      );
      child.kill(signal);
      expect(await ended).toBe(signal);
      await until(() => !alive(pid), `Chromium ${pid} to quit after ${signal}`);
      if (signal === 'SIGKILL')
        execFileSync('rm', ['-rf', profileDir]); // nothing could remove it
      else expect(existsSync(profileDir)).toBe(false);
    },
    60_000,
  );

  it('leaves the browser to a command that handles Ctrl-C itself, which then closes it', async () => {
    // A child like `watch`: on Ctrl-C it draws once more with the browser it holds, then closes it.
    const script = `
      import { SvgRenderer } from ${JSON.stringify(join(ROOT, 'src/render/svg/renderer.ts'))};
      import { spawnChromium } from ${JSON.stringify(join(ROOT, 'src/render/svg/chromium-process.ts'))};
      const chromium = spawnChromium(${JSON.stringify(browser)});
      const renderer = await SvgRenderer.connect(chromium, { executablePath: ${JSON.stringify(browser)}, timeoutMs: 30000 });
      process.once('SIGINT', async () => {
        const svg = await renderer.render('flowchart LR\\n  a --> b\\n').catch((error) => error.message);
        await renderer.close();
        console.log(svg.includes('<svg') ? 'drawn after Ctrl-C' : svg);
        process.exit(0);
      });
      console.log(JSON.stringify({ profileDir: chromium.profileDir, pid: chromium.pid }));
      setInterval(() => {}, 1000);
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines = child.stdout.setEncoding('utf8');
    const first = await new Promise<string>((resolve, reject) => {
      lines.once('data', resolve);
      child.once('exit', () => reject(new Error('the child ended before its browser started')));
    });
    const { profileDir, pid } = JSON.parse(first) as { profileDir: string; pid: number };
    let rest = '';
    lines.on('data', (text: string) => {
      rest += text;
    });
    const ended = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await ended).toBe(0);
    expect(rest.trim()).toBe('drawn after Ctrl-C');
    expect(alive(pid)).toBe(false);
    expect(existsSync(profileDir)).toBe(false);
  }, 60_000);
});
