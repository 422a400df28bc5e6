import type { Document } from 'bson';
import { codeNameOf, MongoCommandError } from '../errors/mongo-error.js';
import { parseCollation } from '../query/collation.js';
import { projector } from '../query/projection.js';
import { sortDocuments } from '../query/sort-documents.js';
import {
  collectionName,
  letVariables,
  optionalDocument,
  type CommandContext,
} from './command-context.js';
import { countQuery } from './query-stats.js';
import { runUpdateStatement } from './update.js';
import { assertNotView } from './views.js';
import { runStatements } from './write-statements.js';

export async function findAndModify(ctx: CommandContext): Promise<Document> {
  const name = 'findAndModify' in ctx.command ? 'findAndModify' : 'findandmodify';
  const coll = collectionName(ctx, name);
  assertNotView(ctx, ctx.db, coll);
  const query = optionalDocument(ctx, 'query') ?? {};
  const sort = optionalDocument(ctx, 'sort');
  const fields = optionalDocument(ctx, 'fields') ?? optionalDocument(ctx, 'projection');
  const remove = ctx.command.remove === true;
  const update = ctx.command.update as Document | Document[] | undefined;
  if (remove && update !== undefined)
    throw new MongoCommandError('FailedToParse', 'Cannot specify both an update and remove=true');
  if (!remove && update === undefined)
    throw new MongoCommandError(
      'FailedToParse',
      'Either an update or remove=true must be specified',
    );
  if (remove && ctx.command.upsert === true)
    throw new MongoCommandError('FailedToParse', 'Cannot specify both upsert=true and remove=true');
  const returnNew = ctx.command.new === true;
  const shape = projector(query, fields);
  const variables = letVariables(ctx);

  let reply: Document = {};
  const errors = await runStatements(ctx, [0], () => {
    if (remove) {
      const { docs, stats, sorted } = ctx.view.match(ctx.db, coll, query, {
        hint: ctx.command.hint,
        variables,
        collation: parseCollation(ctx.command.collation),
        ...(sort ? { sort } : {}),
        limit: 1,
      });
      countQuery(ctx.server.counters, stats);
      const target = (
        sort && !sorted ? sortDocuments(docs, sort, parseCollation(ctx.command.collation)) : docs
      )[0];
      if (target) {
        ctx.autocommit?.assertUnlocked(ctx.db, coll, [target]);
        ctx.view.remove(ctx.db, coll, target);
      }
      reply = { lastErrorObject: { n: target ? 1 : 0 }, value: target ? shape(target) : null };
      return;
    }
    const outcome = runUpdateStatement(
      ctx,
      coll,
      {
        q: query,
        u: update!,
        upsert: ctx.command.upsert === true,
        multi: false,
        arrayFilters: ctx.command.arrayFilters as Document[] | undefined,
        hint: ctx.command.hint,
        collation: ctx.command.collation as Document | undefined,
        ...(sort ? { sort } : {}),
      },
      variables,
    );
    const upserted = outcome.upsertedId !== undefined;
    const value = returnNew ? outcome.after : upserted ? undefined : outcome.before;
    reply = {
      lastErrorObject: {
        n: upserted ? 1 : outcome.matched,
        updatedExisting: outcome.matched > 0,
        ...(upserted ? { upserted: outcome.upsertedId } : {}),
      },
      value: value ? shape(value) : null,
    };
  });
  const [error] = errors;
  if (error) {
    const { index: _index, code, errmsg, ...extra } = error;
    return { ok: 0, errmsg, code, codeName: codeNameOf(code as number), ...extra };
  }
  return { ...reply, ok: 1 };
}
