import { parseArgs } from 'node:util';
import type { DeadLetterStore } from '@heli/event-bus';

const USAGE = `dead letters of this service's event consumers

  dead-letters list [--consumer NAME]          one JSON line per dead letter, newest first
  dead-letters replay ID...                    run each through its consumer again
  dead-letters replay --all [--consumer NAME]  every dead letter (of one consumer)
  dead-letters discard ID...                   drop for good

Replay applies an event exactly once (a letter already applied meanwhile is just removed); one
that fails again stays, with the new error. Exit status: 0 all done, 1 some failed, 2 bad usage.`;

/**
 * The operator's command for dead letters (docs/RUNBOOK.md), run as the service's own entry point
 * with `dead-letters …` arguments, so replay goes through the same handlers the running service
 * uses. Writes to `out`; returns the exit status.
 */
export async function runDeadLetterCommand(
  letters: DeadLetterStore,
  argv: readonly string[],
  out: (line: string) => void,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { consumer: { type: 'string' }, all: { type: 'boolean' } },
    });
  } catch (error) {
    out(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...ids] = positionals;
  const filter = values.consumer === undefined ? {} : { consumerName: values.consumer };

  if (command === 'list') {
    for (const letter of await letters.list(filter)) {
      const { envelope: _envelope, error, ...summary } = letter;
      out(JSON.stringify({ ...summary, error: error.message }));
    }
    return 0;
  }
  if (command === 'replay' || command === 'discard') {
    const targets = values.all ? (await letters.list(filter)).map((letter) => letter._id) : ids;
    if (targets.length === 0 && !values.all) {
      out(USAGE);
      return 2;
    }
    let failed = 0;
    for (const id of targets) {
      try {
        const outcome = command === 'replay' ? await letters.replay(id) : await letters.discard(id);
        out(JSON.stringify({ id, [command === 'replay' ? 'outcome' : 'discarded']: outcome }));
      } catch (error) {
        failed += 1;
        const cause = (error as Error).cause;
        out(
          JSON.stringify({
            id,
            error: (error as Error).message,
            ...(cause instanceof Error && { cause: cause.message }),
          }),
        );
      }
    }
    return failed > 0 ? 1 : 0;
  }
  out(USAGE);
  return 2;
}
