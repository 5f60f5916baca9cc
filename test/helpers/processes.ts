// The processes running on this machine, read from /proc (Linux, where the browser tests run): for
// tests that check a browser and its renderers are gone, or find them to kill.

import { readdirSync, readFileSync } from 'node:fs';

export interface RunningProcess {
  pid: number;
  /** The process group id. */
  group: number;
  /** The arguments, NUL-separated as /proc gives them. */
  commandLine: string;
}

/** What /proc says of `pid`, or undefined when it has ended or is a zombie no parent has reaped yet. */
function runningProcess(pid: number): RunningProcess | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After the command name in parentheses: state, parent id, process group id, …
    const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (state === 'Z') return undefined;
    return { pid, group: Number(group), commandLine: readFileSync(`/proc/${pid}/cmdline`, 'utf8') };
  } catch {
    return undefined; // ended while we looked
  }
}

/** Every process running now. */
export function runningProcesses(): RunningProcess[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((entry) => runningProcess(Number(entry)) ?? []);
}

/** True while a process with this id runs. */
export function alive(pid: number): boolean {
  return runningProcess(pid) !== undefined;
}
