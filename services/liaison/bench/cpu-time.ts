import { processCpuMs } from '@heli/testkit';

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
