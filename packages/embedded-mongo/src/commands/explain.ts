import type { Document } from 'bson';
import { MongoCommandError } from '../errors/mongo-error.js';
import { runAggregate, runPipeline } from './aggregate.js';
import type { CommandContext } from './command-context.js';
import { runFind } from './find.js';
import { winningPlan } from './query-stats.js';
import { viewToRead } from './views.js';

/** `explain` for find, aggregate, count and distinct: the plan and what executing it examined. */
export function explain(ctx: CommandContext): Document {
  const inner = ctx.command.explain as Document | undefined;
  if (!inner || typeof inner !== 'object')
    throw new MongoCommandError('TypeMismatch', 'explain command requires a nested object');
  const name = Object.keys(inner)[0];
  const innerCtx: CommandContext = { ...ctx, command: { ...inner, $db: ctx.db } };
  let result: { docs: Document[]; stats: Parameters<typeof winningPlan>[0]; ns: string };
  if (name === 'find') result = runFind(innerCtx);
  else if (name === 'aggregate') result = runAggregate(innerCtx);
  else if (name === 'count' || name === 'distinct') {
    const coll = String(inner[name]);
    const filter = (inner.query as Document | undefined) ?? {};
    const view = viewToRead(innerCtx, coll);
    const { docs, stats } = view
      ? runPipeline(innerCtx, view.coll, [...view.pipeline, { $match: filter }])
      : ctx.view.match(ctx.db, coll, filter, { hint: inner.hint });
    result = { docs, stats, ns: `${ctx.db}.${coll}` };
  } else
    throw new MongoCommandError('IllegalOperation', `explain is not supported for ${String(name)}`);
  const plan = winningPlan(result.stats);
  return {
    queryPlanner: { namespace: result.ns, winningPlan: plan, rejectedPlans: [] },
    executionStats: {
      executionSuccess: true,
      nReturned: result.docs.length,
      totalKeysExamined: result.stats.keysExamined,
      totalDocsExamined: result.stats.docsExamined,
      executionStages: plan,
    },
    command: inner,
    ok: 1,
  };
}
