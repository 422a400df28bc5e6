import { Binary, Long, type Document } from 'bson';
import { createHash } from 'node:crypto';
import { MongoCommandError } from '../errors/mongo-error.js';
import { asMongoError } from '../query/apply-update.js';
import { parseCollation, withCollation } from '../query/collation.js';
import { copyDocument } from '../query/document-copy.js';
import { createAggregator } from '../query/mingo-options.js';
import type { MatchStats } from '../storage/data-view.js';
import { collectionName, letVariables, type CommandContext } from './command-context.js';
import { splitOutputStage, writeOutput, type OutputStage } from './aggregate-output.js';
import { countQuery, winningPlan } from './query-stats.js';
import { viewToRead } from './views.js';

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
  '$changeStream',
  '$currentOp',
  '$listSessions',
  '$search',
  '$geoNear',
  '$collStats',
  '$indexStats',
]);

/** Stages that produce documents without a collection, so may open `{aggregate: 1}`. */
const COLLECTIONLESS_SOURCES = new Set(['$documents', '$listLocalSessions']);

type AggregateRun = {
  docs: Document[];
  stats: MatchStats;
  ns: string;
  /** A trailing `$out`/`$merge`, not yet applied. */
  output: OutputStage | undefined;
};

/** Runs a pipeline; a leading $match is answered through the collection's indexes. */
export function runAggregate(ctx: CommandContext): AggregateRun {
  const given = ctx.command.pipeline;
  if (!Array.isArray(given))
    throw new MongoCommandError('TypeMismatch', "'pipeline' option must be specified as an array");
  for (const stage of given as Document[]) {
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
  const { pipeline, output } = splitOutputStage(given as Document[]);
  if (ctx.command.aggregate === 1) return { ...runCollectionless(ctx, pipeline), output };
  const coll = collectionName(ctx, 'aggregate');
  const ns = `${ctx.db}.${coll}`;
  // A view's pipeline runs first, on the collection its chain of views ends at.
  const view = viewToRead(ctx, coll);
  const { docs, stats } = view
    ? runPipeline(ctx, view.coll, [...view.pipeline, ...pipeline])
    : runPipeline(ctx, coll, pipeline);
  return { docs, stats, ns, output };
}

/** Runs a pipeline on a collection (not a view); a leading $match is answered through its indexes. */
export function runPipeline(
  ctx: CommandContext,
  coll: string,
  pipeline: Document[],
): { docs: Document[]; stats: MatchStats } {
  const [first, ...rest] = pipeline;
  const leadingMatch = first && '$match' in first ? (first.$match as Document) : {};
  const remaining = first && '$match' in first ? rest : pipeline;
  const variables = letVariables(ctx);
  const collation = parseCollation(ctx.command.collation);
  const { docs, stats } = ctx.view.match(ctx.db, coll, leadingMatch, {
    hint: ctx.command.hint,
    variables,
    collation,
  });
  countQuery(ctx.server.counters, stats);
  if (remaining.length === 0) return { docs, stats };
  // Stages that only filter, reorder or summarise never modify their input documents; any
  // other mingo stage may, so its input is a deep copy of the stored documents.
  const input = remaining.every((stage) => READ_ONLY_STAGES.has(Object.keys(stage)[0]!))
    ? docs
    : docs.map(copyDocument);
  return { docs: runStages(ctx, remaining, input), stats };
}

/** The documents of a collection or view, for `$lookup` and the like. */
function readWhole(ctx: CommandContext, name: string): Document[] {
  const view = ctx.server.engine.views.resolve(ctx.db, name);
  // The outer command's hint and collation are not the joined view's.
  if (view)
    return runPipeline({ ...ctx, command: {} }, view.coll, view.pipeline).docs.map(copyDocument);
  return ctx.view.match(ctx.db, name, {}).docs.map(copyDocument);
}

function runStages(ctx: CommandContext, stages: Document[], input: Document[]): Document[] {
  if (stages.length === 0) return input;
  const variables = letVariables(ctx);
  const collation = parseCollation(ctx.command.collation);
  const resolver = (name: string): Document[] => readWhole(ctx, name);
  try {
    return withCollation(collation, () =>
      createAggregator(stages, {
        collectionResolver: resolver,
        ...(variables ? { variables } : {}),
        ...(collation ? { collation: ctx.command.collation as Document } : {}),
      }).run(input),
    ) as Document[];
  } catch (error) {
    throw asMongoError(error);
  }
}

/** `{aggregate: 1}`: a pipeline whose first stage makes its documents, as mongod allows. */
function runCollectionless(
  ctx: CommandContext,
  pipeline: Document[],
): Omit<AggregateRun, 'output'> {
  const first = pipeline[0] ? Object.keys(pipeline[0])[0]! : undefined;
  if (!first || !COLLECTIONLESS_SOURCES.has(first))
    throw new MongoCommandError(
      'InvalidNamespace',
      `{aggregate: 1} is not valid for '${first ?? 'an empty pipeline'}'; a collection is required.`,
    );
  const stats: MatchStats = { plan: { kind: 'empty' }, keysExamined: 0, docsExamined: 0 };
  const ns = `${ctx.db}.$cmd.aggregate`;
  if (first === '$listLocalSessions') {
    const sessions = ctx.server.sessions.list().map((s) => ({
      _id: { id: s.id, uid: NO_USER },
      lastUse: s.lastUse,
    }));
    return { docs: runStages(ctx, pipeline.slice(1), sessions), stats, ns };
  }
  return { docs: runStages(ctx, pipeline, []), stats, ns };
}

/** The SHA-256 of the empty user name: every session's `uid` on a server without users. */
const NO_USER = new Binary(createHash('sha256').update('').digest(), 0);

export async function aggregate(ctx: CommandContext): Promise<Document> {
  const { docs, stats, ns, output } = runAggregate(ctx);
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
  if (output) {
    await writeOutput(ctx, output, docs);
    return { cursor: { firstBatch: [], id: Long.ZERO, ns }, ok: 1 };
  }
  const batchSize = cursorOpts.batchSize === undefined ? undefined : Number(cursorOpts.batchSize);
  const { id, batch } = ctx.server.cursors.open(ns, docs, (d) => d, batchSize, false);
  return { cursor: { firstBatch: batch, id, ns }, ok: 1 };
}
