import { readFileSync, readdirSync } from 'node:fs';

/**
 * Resident memory (MB) of a process and every process below it — a cluster primary and its
 * workers — read from /proc (Linux). Undefined where /proc is not there.
 */
export function treeRssMb(rootPid: number): number | undefined {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  const children = new Map<number, number[]>();
  for (const entry of entries) {
    try {
      // Field 4 of /proc/<pid>/stat is the parent; the command name (field 2) may hold spaces.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended meanwhile.
    }
  }
  let kb = 0;
  const pending = [rootPid];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      kb += Number(match?.[1] ?? 0);
    } catch {
      continue;
    }
    pending.push(...(children.get(pid) ?? []));
  }
  return kb / 1024;
}

/**
 * CPU time (ms, user + system) used so far by a process and every process below it that is still
 * running, from /proc (Linux; clock ticks of 10 ms). On a machine shared with other work, CPU per
 * request says more than requests per second: it does not drop because others took the cores.
 */
export function treeCpuMs(rootPid: number): number {
  const stats = new Map<number, string[]>();
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      stats.set(Number(entry), stat.slice(stat.lastIndexOf(')') + 2).split(' '));
    } catch {
      // The process ended meanwhile.
    }
  }
  const children = new Map<number, number[]>();
  for (const [pid, fields] of stats) {
    const ppid = Number(fields[1]);
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  let ticks = 0;
  const pending = [rootPid];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    const fields = stats.get(pid);
    // Fields 14 and 15 of stat: utime and stime.
    if (fields) ticks += Number(fields[11]) + Number(fields[12]);
    pending.push(...(children.get(pid) ?? []));
  }
  return ticks * 10;
}
