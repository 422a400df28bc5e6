import type { Document } from 'bson';
import { MongoCommandError } from '../errors/mongo-error.js';
import { parseCollation } from '../query/collation.js';
import { collectionName, letVariables, type CommandContext } from './command-context.js';
import { countQuery } from './query-stats.js';
import { assertNotView } from './views.js';
import { requireArray, runStatements, withWriteErrors } from './write-statements.js';

export async function deleteCommand(ctx: CommandContext): Promise<Document> {
  const coll = collectionName(ctx, 'delete');
  assertNotView(ctx, ctx.db, coll);
  const statements = requireArray(ctx, 'deletes');
  let n = 0;
  const variables = letVariables(ctx);
  const writeErrors = await runStatements(ctx, statements, (s) => {
    const limit = Number(s.limit ?? 0);
    if (limit !== 0 && limit !== 1)
      throw new MongoCommandError(
        'FailedToParse',
        `The limit field in delete objects must be 0 or 1. Got ${String(s.limit)}`,
      );
    n += runDeleteStatement(
      ctx,
      ctx.db,
      coll,
      s.q as Document,
      limit === 0,
      s.hint,
      variables,
      s.collation,
    );
  });
  return withWriteErrors({ n }, writeErrors);
}

/** One delete statement (also used by client bulkWrite); returns how many were deleted. */
export function runDeleteStatement(
  ctx: CommandContext,
  db: string,
  coll: string,
  filter: Document,
  multi: boolean,
  hint: unknown,
  variables: Document | undefined,
  collation?: unknown,
): number {
  if (filter === null || typeof filter !== 'object')
    throw new MongoCommandError(
      'TypeMismatch',
      "BSON field 'q' is the wrong type, expected object",
    );
  const { docs, stats } = ctx.view.match(db, coll, filter, {
    hint,
    variables,
    collation: parseCollation(collation),
    limit: multi ? undefined : 1,
  });
  countQuery(ctx.server.counters, stats);
  ctx.autocommit?.assertUnlocked(db, coll, docs);
  for (const doc of docs) ctx.view.remove(db, coll, doc);
  return docs.length;
}
