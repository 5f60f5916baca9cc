// Starts Chromium as a child process that speaks the DevTools protocol over a pipe (its file
// descriptors 3 and 4), without loading puppeteer, so the browser starts at once and puppeteer
// loads while it does (puppeteer's own launcher, @puppeteer/browsers, takes ~100 ms to import).
// The browser quits when the pipe closes, so it cannot outlive topodoc, even one that is killed;
// its profile folder is removed when it exits; interrupted, topodoc kills its browsers and waits
// for them before it ends.

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import { fileErrorReason } from '../../fs/reason.js';
import { chromiumArguments } from './chromium-args.js';
import { PipeTransport } from './pipe-transport.js';

/** A started browser process. */
export interface ChromiumProcess {
  transport: PipeTransport;
  /** The process id, undefined when it could not be spawned. */
  pid: number | undefined;
  /** The browser's fresh profile folder, removed when it exits. */
  profileDir: string;
  /** Settles once the process has exited and its profile folder is removed; never rejects. */
  exited: Promise<void>;
  /**
   * Why the process could not start or ended: its spawn error, else its last error on stderr,
   * else how it exited; undefined while it runs with nothing on stderr.
   */
  failure(): string | undefined;
  /** Kills the browser and everything it started, at once. */
  kill(): void;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
/** Signals that end a process from outside, as opposed to a crash (SIGSEGV, SIGABRT: it says why). */
const KILLING_SIGNALS = new Set<string>(['SIGKILL', 'SIGTERM', 'SIGINT', 'SIGHUP']);

/** The longest stderr line quoted in a message; a longer one keeps its start, then `…`. */
const MAX_QUOTED_LINE = 300;

/** Log sources whose ERROR lines Chromium prints on every start in a container: no D-Bus there. */
const NOISY_SOURCES = /^(dbus\/|content\/browser\/devtools\/devtools_pipe_handler)/;

/**
 * A stderr line worth showing a user, or undefined: Chromium's log lines below ERROR are noise
 * (sandbox and GPU warnings on every start), and so are its D-Bus errors; an ERROR or FATAL line
 * loses its log prefix (`[date/time:LEVEL:file]`, with process and thread ids in a full Chromium).
 */
export function meaningfulLine(line: string): string | undefined {
  const log = /^\[[\d:/.]+:(\w+):([^\]]*)\]\s*(.*)$/.exec(line.trim());
  if (log === null) return line.trim() === '' ? undefined : bounded(line.trim());
  const [, level, source = '', message] = log;
  if ((level !== 'ERROR' && level !== 'FATAL') || NOISY_SOURCES.test(source)) return undefined;
  return message ? bounded(message) : undefined;
}

function bounded(line: string): string {
  const characters = [...line];
  return characters.length <= MAX_QUOTED_LINE
    ? line
    : `${characters.slice(0, MAX_QUOTED_LINE - 1).join('')}…`;
}

/** Spawns `executablePath` headless with a fresh profile folder; does not wait for it to start. */
export function spawnChromium(executablePath: string): ChromiumProcess {
  if (interruptedBy !== undefined)
    throw new Error(
      `Could not start the browser ${executablePath}: topodoc was interrupted (${interruptedBy})`,
    );
  startWatching();
  let profileDir: string;
  try {
    profileDir = mkdtempSync(join(tmpdir(), 'topodoc-chromium-'));
  } catch (error) {
    if (alive.size === 0) stopWatching();
    throw new Error(
      `Could not start the browser ${executablePath}: cannot make its profile folder in ${tmpdir()} (${fileErrorReason(error)})`,
    );
  }
  // Its own process group, so kill() also ends the renderer processes it started.
  const child: ChildProcess = spawn(executablePath, chromiumArguments(executablePath, profileDir), {
    detached: process.platform !== 'win32',
    stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
  });
  let spawnError: string | undefined;
  let lastLine: string | undefined;
  let exitStatus: string | undefined;
  let killedBy: NodeJS.Signals | undefined;
  child.stderr?.setEncoding('utf8').on('data', (text: string) => {
    for (const line of text.split('\n')) lastLine = meaningfulLine(line) ?? lastLine;
  });
  // The whole process group, until every process holding its pipes is gone ('close'): a browser
  // that died (killed from outside) leaves its renderer processes behind.
  let closed = false;
  const kill = () => {
    if (child.pid === undefined || closed) return;
    try {
      process.kill(process.platform === 'win32' ? child.pid : -child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  };
  const exited = new Promise<void>((resolve) => {
    child.once('error', (error) => {
      spawnError = error.message;
    });
    child.once('exit', kill);
    child.once('close', (code, signal) => {
      closed = true;
      exitStatus = signal === null ? `it exited with code ${code}` : `it was ended by ${signal}`;
      if (signal !== null && KILLING_SIGNALS.has(signal)) killedBy = signal;
      void rm(profileDir, { recursive: true, force: true, maxRetries: 3 })
        .catch(() => undefined)
        .then(resolve);
    });
  });
  const [, , , toBrowser, fromBrowser] = child.stdio;
  const chromium: ChromiumProcess = {
    transport: new PipeTransport(toBrowser as Writable, fromBrowser as Readable),
    pid: child.pid,
    profileDir,
    exited,
    // Killed from outside (out of memory, a user): that is the reason, not what it printed before.
    failure: () => spawnError ?? (killedBy === undefined ? undefined : exitStatus) ?? lastLine ?? exitStatus,
    kill,
  };
  watchOver(chromium);
  return chromium;
}

/** The browsers alive in this process: topodoc ending or interrupted takes them with it. */
const alive = new Set<ChromiumProcess>();
/** The signal being handled, once topodoc is interrupted: no browser is started after it. */
let interruptedBy: NodeJS.Signals | undefined;

let watching = false;

/**
 * Listens for topodoc's end before a browser is spawned: a signal that comes while none listens
 * ends topodoc at once, and would leave the profile folder behind.
 */
function startWatching(): void {
  if (watching) return;
  watching = true;
  process.on('exit', killAllNow);
  for (const signal of SIGNALS) process.on(signal, interrupt);
}

function stopWatching(): void {
  watching = false;
  process.off('exit', killAllNow);
  for (const signal of SIGNALS) process.off(signal, interrupt);
}

function watchOver(chromium: ChromiumProcess): void {
  alive.add(chromium);
  void chromium.exited.then(() => {
    alive.delete(chromium);
    if (alive.size === 0 && interruptedBy === undefined) stopWatching();
  });
}

/** topodoc exits with browsers alive (an error): kill them; their folders go as well as they can. */
function killAllNow(): void {
  for (const chromium of alive) {
    chromium.kill();
    rmSync(chromium.profileDir, { recursive: true, force: true });
  }
}

/**
 * Ctrl-C, SIGTERM or SIGHUP: kill the browsers, wait (up to 2 s) until they have exited and their
 * profile folders are gone, then end as the signal would have had nobody listened. When a command
 * listens for it too (`watch` stops cleanly and closes its renderer), it is left to that command:
 * killing the browser under it would fail its last renders with puppeteer's errors.
 */
async function interrupt(signal: NodeJS.Signals): Promise<void> {
  if (interruptedBy !== undefined || process.listeners(signal).some((listener) => listener !== interrupt))
    return;
  interruptedBy = signal;
  for (const chromium of alive) chromium.kill();
  const exits = Promise.all([...alive].map((chromium) => chromium.exited));
  await Promise.race([exits, delay(2_000, undefined, { ref: false })]);
  stopWatching();
  process.kill(process.pid, signal);
}
