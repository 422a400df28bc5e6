import type { Document } from 'bson';
import { codeNameOf, MongoCommandError } from '../errors/mongo-error.js';
import { letVariables, type CommandContext } from './command-context.js';
import { runDeleteStatement } from './delete.js';
import { prepareForInsert } from './insert.js';
import { runUpdateStatement } from './update.js';
import { assertNotView } from './views.js';
import { runStatements } from './write-statements.js';

type Namespace = { db: string; coll: string };

/**
 * The client-level `bulkWrite` command (server 8.0): insert, update and delete operations on
 * any namespaces in one command, results returned through a cursor (only the failures when
 * `errorsOnly`). Drivers use it for `MongoClient.bulkWrite` once the server reports 8.0.
 */
export async function bulkWrite(ctx: CommandContext): Promise<Document> {
  if (ctx.db !== 'admin') {
    throw new MongoCommandError(
      'Unauthorized',
      'bulkWrite may only be run against the admin database.',
    );
  }
  const ops = ctx.command.ops as unknown;
  const nsInfo = ctx.command.nsInfo as unknown;
  if (!Array.isArray(ops) || !Array.isArray(nsInfo)) {
    throw new MongoCommandError(
      'FailedToParse',
      "BSON field 'bulkWrite.ops' and 'bulkWrite.nsInfo' are required arrays",
    );
  }
  const namespaces = nsInfo.map((info: Document) => parseNamespace(info?.ns));
  const errorsOnly = ctx.command.errorsOnly === true;
  const variables = letVariables(ctx);
  const results: Document[] = [];
  const totals = { nInserted: 0, nMatched: 0, nModified: 0, nUpserted: 0, nDeleted: 0 };

  const writeErrors = await runStatements(ctx, ops as Document[], (op, idx) => {
    const kind = (['insert', 'update', 'delete'] as const).find((k) => k in op);
    if (!kind) throw new MongoCommandError('FailedToParse', 'Unrecognized bulkWrite operation');
    const ns = namespaces[Number(op[kind])];
    if (!ns)
      throw new MongoCommandError(
        'BadValue',
        `BulkWrite ops entry ${idx} has an invalid nsInfo index`,
      );
    assertNotView(ctx, ns.db, ns.coll);
    const at = { ...ctx, db: ns.db };
    if (kind === 'insert') {
      ctx.view.insert(ns.db, ns.coll, prepareForInsert(op.document as Document));
      totals.nInserted++;
      if (!errorsOnly) results.push({ ok: 1, idx, n: 1 });
    } else if (kind === 'update') {
      const outcome = runUpdateStatement(
        at,
        ns.coll,
        {
          q: op.filter as Document,
          u: op.updateMods as Document,
          upsert: op.upsert === true,
          multi: op.multi === true,
          arrayFilters: op.arrayFilters as Document[] | undefined,
          hint: op.hint,
          sort: op.sort as Document | undefined,
          collation: op.collation as Document | undefined,
        },
        variables,
      );
      const upserted = outcome.upsertedId !== undefined;
      if (upserted) totals.nUpserted++;
      totals.nMatched += outcome.matched;
      totals.nModified += outcome.modified;
      if (!errorsOnly) {
        results.push({
          ok: 1,
          idx,
          n: upserted ? 1 : outcome.matched,
          nModified: outcome.modified,
          ...(upserted ? { upserted: { _id: outcome.upsertedId } } : {}),
        });
      }
    } else {
      const n = runDeleteStatement(
        at,
        ns.db,
        ns.coll,
        op.filter as Document,
        op.multi === true,
        op.hint,
        variables,
        op.collation,
      );
      totals.nDeleted += n;
      if (!errorsOnly) results.push({ ok: 1, idx, n });
    }
  });
  for (const error of writeErrors) {
    const { index, code, errmsg, ...extra } = error;
    results.push({
      ok: 0,
      idx: index,
      code,
      codeName: codeNameOf(code as number),
      errmsg,
      ...extra,
      n: 0,
    });
  }
  results.sort((a, b) => (a.idx as number) - (b.idx as number));
  const ns = 'admin.$cmd.bulkWrite';
  const { id, batch } = ctx.server.cursors.open(ns, results, (d) => d, undefined, false);
  return {
    cursor: { id, firstBatch: batch, ns },
    nErrors: writeErrors.length,
    ...totals,
    ok: 1,
  };
}

function parseNamespace(ns: unknown): Namespace {
  if (typeof ns !== 'string' || !ns.includes('.')) {
    throw new MongoCommandError('InvalidNamespace', `Invalid namespace specified '${String(ns)}'`);
  }
  const dot = ns.indexOf('.');
  return { db: ns.slice(0, dot), coll: ns.slice(dot + 1) };
}
