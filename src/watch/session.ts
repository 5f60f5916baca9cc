// A watch session: builds the entries once, then rebuilds exactly the entries whose own file or an
// imported file changed, one rebuild at a time, with one SVG browser kept open across rebuilds.

import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type FSWatcher, watch } from 'chokidar';
import { type BuildOptions, buildFiles, type DiagramRenderer, type LaunchRenderer } from '../build/index.js';
import { UserError } from '../errors.js';
import { displayPath } from '../fs/display-path.js';
import type { ToolIo } from '../pipeline/io.js';

/** Collects the bursts of events an editor's save produces into one rebuild. */
const SETTLE_MS = 80;

export type WatchBuildOptions = Omit<BuildOptions, 'io' | 'check' | 'launchRenderer'>;

export class WatchSession {
  private readonly dependencies = new Map<string, Set<string>>();
  private readonly pending = new Set<string>();
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  private queue: Promise<void> = Promise.resolve();
  private renderer: Promise<DiagramRenderer> | undefined;

  constructor(
    private readonly entries: readonly string[],
    private readonly options: WatchBuildOptions,
    private readonly io: ToolIo,
    private readonly launch: LaunchRenderer,
  ) {}

  /** The first build, then watching. Resolves once the watcher is ready. */
  async start(): Promise<void> {
    // A usage problem in the first build (an output path onto a file, …) ends the command (exit 2).
    await this.rebuild(this.entries, true);
    // depth 0: the directory of a missing import is watched for its creation, not its subtree.
    this.watcher = watch([...this.watchTargets(this.watchedFiles())], { ignoreInitial: true, depth: 0 });
    this.watcher.on('all', (_event, path) => this.changed(resolve(this.io.cwd, path)));
    await new Promise<void>((ready) => this.watcher?.once('ready', () => ready()));
  }

  /** Waits for a running rebuild, stops watching and closes the browser. */
  async close(): Promise<void> {
    clearTimeout(this.timer);
    await this.watcher?.close();
    await this.queue;
    const renderer = await this.renderer?.catch(() => undefined);
    await renderer?.close();
  }

  /** Resolves when every scheduled rebuild has finished (for tests and clean shutdown). */
  idle(): Promise<void> {
    return this.queue;
  }

  private changed(path: string): void {
    this.pending.add(path);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const changed = [...this.pending];
      this.pending.clear();
      const affected = this.entries.filter((entry) =>
        changed.some((path) => this.dependencies.get(entry)?.has(path)),
      );
      if (affected.length > 0) this.queue = this.queue.then(() => this.rebuild(affected));
    }, SETTLE_MS);
  }

  private async rebuild(entries: readonly string[], first = false): Promise<void> {
    const names = entries.map((entry) => displayPath(this.io.cwd, entry)).join(', ');
    try {
      const result = await buildFiles(entries, {
        ...this.options,
        io: this.io,
        launchRenderer: this.sharedRenderer,
      });
      const outcome = result.exitCode === 0 ? 'built' : 'failed (previous outputs kept)';
      const count = result.written.length;
      this.io.stdout.write(
        `watch: ${names} ${outcome}; ${count} file${count === 1 ? '' : 's'} written. Waiting for changes…\n`,
      );
      for (const entry of entries) this.trackDependencies(entry, result.inputs.get(entry) ?? []);
    } catch (error) {
      if (first || !(error instanceof UserError)) throw error;
      this.io.stderr.write(`${error.message}\n`);
      // The entry could not be read (deleted, renamed): keep watching it, so its return rebuilds it.
      for (const entry of entries) this.trackDependencies(entry, []);
    }
  }

  /**
   * Every file the entry read or tried to (itself, its imports, missing ones too), so a change to
   * any of them, or the creation of a missing one, rebuilds it.
   */
  private trackDependencies(entry: string, inputs: readonly string[]): void {
    const files = new Set([entry, ...inputs]);
    const added = [...files].filter((file) => !this.watchedFiles().has(file));
    this.dependencies.set(entry, files);
    if (added.length > 0) this.watcher?.add([...this.watchTargets(added)]);
  }

  /**
   * What to hand the watcher for these files: a missing file's directory instead of the file, so
   * its creation is seen from the moment the watcher is ready (chokidar only starts watching for a
   * missing path some time after).
   */
  private watchTargets(files: Iterable<string>): Set<string> {
    return new Set([...files].map((file) => (existsSync(file) ? file : dirname(file))));
  }

  private watchedFiles(): Set<string> {
    return new Set([...this.entries, ...[...this.dependencies.values()].flatMap((files) => [...files])]);
  }

  /** Launches the browser on the first stale diagram and hands the same one to every later build. */
  private readonly sharedRenderer: LaunchRenderer = async (launchOptions) => {
    this.renderer ??= this.launch(launchOptions);
    const renderer = await this.renderer.catch((error: unknown) => {
      this.renderer = undefined;
      throw error;
    });
    return { render: (text) => renderer.render(text), close: async () => undefined };
  };
}
