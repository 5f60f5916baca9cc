// `topodoc init`: writes a commented starter topology and a config into the working directory,
// refusing (and writing nothing) when either file already exists.

import { lstatSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../../errors.js';
import { fileErrorReason } from '../../fs/reason.js';
import {
  STARTER_CONFIG_FILE,
  STARTER_TOPOLOGY,
  STARTER_TOPOLOGY_FILE,
  starterConfig,
} from '../../init/starter.js';
import type { CommandRun } from '../../pipeline/io.js';
import { parseCommandArgs } from '../args.js';

const HELP = `Usage: topodoc init

Writes a commented starter topology (${STARTER_TOPOLOGY_FILE}) and a config file with every key
at its default (${STARTER_CONFIG_FILE}) into the current directory. Existing files are never
overwritten: if either exists, nothing is written.

Options:
  -h, --help         show this help

Exit codes: 0 written, 2 a file already exists or bad usage.
`;

const run: CommandRun = async (argv, io) => {
  const args = parseCommandArgs('init', argv, {}, false);
  if (args.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const files = [
    { name: STARTER_TOPOLOGY_FILE, text: STARTER_TOPOLOGY },
    { name: STARTER_CONFIG_FILE, text: starterConfig() },
  ];
  // lstat, not exists: a dangling symlink is a file that is there too.
  const existing = files.filter((file) => isPresent(join(io.cwd, file.name))).map((file) => file.name);
  if (existing.length > 0) {
    const names = existing.join(' and ');
    throw new UserError(
      `${names} already exist${existing.length === 1 ? 's' : ''}; topodoc init wrote nothing.`,
    );
  }
  for (const file of files) {
    try {
      // `wx`: never replace a file that appeared in the meantime.
      await writeFile(join(io.cwd, file.name), file.text, { flag: 'wx' });
    } catch (error) {
      const exists = (error as NodeJS.ErrnoException).code === 'EEXIST';
      const reason = exists
        ? 'it appeared while topodoc init ran; nothing was replaced'
        : fileErrorReason(error);
      throw new UserError(`Cannot write ${file.name}: ${reason}.`);
    }
  }
  io.stdout.write(
    `Wrote ${STARTER_TOPOLOGY_FILE} and ${STARTER_CONFIG_FILE}. Next: topodoc check ${STARTER_TOPOLOGY_FILE}\n`,
  );
  return 0;
};

function isPresent(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

export { run };
