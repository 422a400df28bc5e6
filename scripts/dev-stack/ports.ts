import { tcpOpen } from './wait-until.js';

/**
 * Fails before anything starts when a port the stack needs is taken — usually by another
 * `pnpm start` — instead of letting a part crash later or, worse, talk to someone else's server.
 */
export async function assertPortsFree(ports: { what: string; port: number }[]): Promise<void> {
  const taken: string[] = [];
  for (const { what, port } of ports) {
    if (await tcpOpen('127.0.0.1', port)()) taken.push(`  ${port}: ${what}`);
  }
  if (taken.length > 0) {
    throw new Error(
      `These ports are already in use (is another pnpm start running?):\n${taken.join('\n')}\n` +
        `Stop whatever listens there, or choose other ports for the parts that have a variable.`,
    );
  }
}
