import { readFileSync } from 'node:fs';

/** CPU time (user + system, ms) a process has used so far, from /proc; 0 where there is none. */
function processCpuMs(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

/**
 * The CPU time this process and the database process spend while `run` runs: on a busy machine
 * the wall-clock figures say more about the neighbours, this says what the work itself costs.
 */
export async function withCpuTime<T>(
  databasePid: number,
  run: () => Promise<T>,
): Promise<{ result: T; cpu: { services: number; database: number } }> {
  const own = process.cpuUsage();
  const database = processCpuMs(databasePid);
  const result = await run();
  const used = process.cpuUsage(own);
  return {
    result,
    cpu: {
      services: Math.round((used.user + used.system) / 1000),
      database: Math.round(processCpuMs(databasePid) - database),
    },
  };
}

/** "300 ms (services 200, database 100)", each divided by `per`. */
export const cpuFigure = (
  { services, database }: { services: number; database: number },
  per = 1,
) =>
  `${Math.round((services + database) / per)} ms (services ${Math.round(services / per)}, ` +
  `database ${Math.round(database / per)})`;
