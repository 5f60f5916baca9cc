// `topodoc watch FILES…`: builds, then rebuilds the documents whose .topo file or imports change,
// one status line per rebuild, until interrupted (Ctrl-C exits cleanly with 0).

import { launchSvgRenderer } from '../../build/svg.js';
import type { CommandRun } from '../../pipeline/io.js';
import { WatchSession } from '../../watch/session.js';
import { parseCommandArgs } from '../args.js';
import { resolveBuildSettings } from './build.js';
import { BUILD_OPTIONS } from './build-options.js';

const HELP = `Usage: topodoc watch FILES… [options]

Builds like \`topodoc build\`, then watches each .topo file and the files it imports and rebuilds
the documents a change affects. The browser for SVG rendering stays open between rebuilds.
Stop with Ctrl-C.

Options:
  -o, --out-dir DIR          output directory (default: the config's outDir, else out/)
  --svg auto|required|off    SVG rendering, as for build
  --width N                  width budget of the ASCII views (default 80)
  --charset unicode|ascii    box-drawing characters or plain +-| (default unicode)
  -f, --format stylish|unix  how problems are printed (default stylish)
  --allow-outside-root       allow imports outside the project root
  -h, --help                 show this help
`;

const { check: _check, 'no-cache': _noCache, ...WATCH_OPTIONS } = BUILD_OPTIONS;

const run: CommandRun = async (argv, io) => {
  const args = parseCommandArgs('watch', argv, WATCH_OPTIONS);
  if (args.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const { entries, options } = await resolveBuildSettings('watch', args.positionals, args.values, io);
  const session = new WatchSession(entries, options, io, launchSvgRenderer);
  await session.start();
  io.stdout.write(
    `watch: watching ${entries.length} file${entries.length === 1 ? '' : 's'} and their imports; Ctrl-C to stop.\n`,
  );
  await new Promise<void>((stop) => {
    if (io.signal === undefined) return;
    if (io.signal.aborted) stop();
    io.signal.addEventListener('abort', () => stop(), { once: true });
  });
  await session.close();
  io.stdout.write('watch: stopped.\n');
  return 0;
};

export { run };
