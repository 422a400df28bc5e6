import type { Document } from 'bson';
import { MongoCommandError } from '../errors/mongo-error.js';
import { asMongoError } from '../query/apply-update.js';
import { copyDocument } from '../query/document-copy.js';
import { createAggregator } from '../query/mingo-options.js';
import type { MatchStats } from '../storage/data-view.js';
import { collectionName, letVariables, type CommandContext } from './command-context.js';
import { countQuery, winningPlan } from './query-stats.js';

const READ_ONLY_STAGES = new Set([
  '$match',
  '$group',
  '$count',
  '$sort',
  '$limit',
  '$skip',
  '$sortByCount',
]);

const UNSUPPORTED_STAGES = new Set([
  '$out',
  '$merge',
  '$changeStream',
  '$currentOp',
  '$listSessions',
  '$search',
  '$geoNear',
  '$collStats',
  '$indexStats',
]);

/** Runs a pipeline; a leading $match is answered through the collection's indexes. */
export function runAggregate(ctx: CommandContext): {
  docs: Document[];
  stats: MatchStats;
  ns: string;
} {
  if (typeof ctx.command.aggregate !== 'string') {
    throw new MongoCommandError(
      'InvalidNamespace',
      '{aggregate: 1} is not supported; aggregate a collection',
    );
  }
  const coll = collectionName(ctx, 'aggregate');
  const pipeline = ctx.command.pipeline;
  if (!Array.isArray(pipeline))
    throw new MongoCommandError('TypeMismatch', "'pipeline' option must be specified as an array");
  for (const stage of pipeline as Document[]) {
    const name = stage && typeof stage === 'object' ? Object.keys(stage)[0] : undefined;
    if (!name || Object.keys(stage).length !== 1)
      throw new MongoCommandError(
        'Location40323',
        'A pipeline stage specification object must contain exactly one field.',
      );
    if (UNSUPPORTED_STAGES.has(name))
      throw new MongoCommandError(
        'IllegalOperation',
        `${name} is not supported by the embedded server`,
      );
  }
  const [first, ...rest] = pipeline as Document[];
  const leadingMatch = first && '$match' in first ? (first.$match as Document) : {};
  const remaining = first && '$match' in first ? rest : (pipeline as Document[]);
  const variables = letVariables(ctx);
  const { docs, stats } = ctx.view.match(ctx.db, coll, leadingMatch, {
    hint: ctx.command.hint,
    variables,
  });
  countQuery(ctx.server.counters, stats);
  if (remaining.length === 0) return { docs, stats, ns: `${ctx.db}.${coll}` };
  // Stages that only filter, reorder or summarise never modify their input documents; any
  // other mingo stage may, so its input is a deep copy of the stored documents.
  const input = remaining.every((stage) => READ_ONLY_STAGES.has(Object.keys(stage)[0]!))
    ? docs
    : docs.map(copyDocument);
  const resolver = (name: string): Document[] =>
    ctx.view.match(ctx.db, name, {}).docs.map(copyDocument);
  try {
    const out = createAggregator(remaining, {
      collectionResolver: resolver,
      ...(variables ? { variables } : {}),
    }).run(input);
    return { docs: out as Document[], stats, ns: `${ctx.db}.${coll}` };
  } catch (error) {
    throw asMongoError(error);
  }
}

export function aggregate(ctx: CommandContext): Document {
  const { docs, stats, ns } = runAggregate(ctx);
  if (ctx.command.explain === true) {
    return { queryPlanner: { namespace: ns, winningPlan: winningPlan(stats) }, ok: 1 };
  }
  const cursorOpts = ctx.command.cursor as Document | undefined;
  if (cursorOpts === undefined || typeof cursorOpts !== 'object') {
    throw new MongoCommandError(
      'FailedToParse',
      "The 'cursor' option is required, except for aggregate with the explain argument",
    );
  }
  const batchSize = cursorOpts.batchSize === undefined ? undefined : Number(cursorOpts.batchSize);
  const { id, batch } = ctx.server.cursors.open(ns, docs, (d) => d, batchSize, false);
  return { cursor: { firstBatch: batch, id, ns }, ok: 1 };
}
