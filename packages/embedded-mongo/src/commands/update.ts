import { calculateObjectSize, type Document } from 'bson';
import { MongoCommandError } from '../errors/mongo-error.js';
import { applyUpdate, classifyUpdate } from '../query/apply-update.js';
import { parseCollation } from '../query/collation.js';
import { sortDocuments } from '../query/sort-documents.js';
import { upsertSeed } from '../query/upsert-seed.js';
import { collectionName, letVariables, type CommandContext } from './command-context.js';
import { MAX_BSON_OBJECT_SIZE, prepareForInsert } from './insert.js';
import { countQuery } from './query-stats.js';
import { assertNotView } from './views.js';
import { requireArray, runStatements, withWriteErrors } from './write-statements.js';

export type UpdateStatement = {
  q: Document;
  u: Document | Document[];
  upsert?: boolean;
  multi?: boolean;
  arrayFilters?: Document[];
  hint?: unknown;
  sort?: Document;
  collation?: Document;
};

export type UpdateOutcome = {
  matched: number;
  modified: number;
  upsertedId?: unknown;
  before?: Document;
  after?: Document;
};

/** One update statement (also used by findAndModify): match, apply, write or upsert. */
export function runUpdateStatement(
  ctx: CommandContext,
  coll: string,
  s: UpdateStatement,
  variables?: Document,
): UpdateOutcome {
  if (s.q === null || typeof s.q !== 'object')
    throw new MongoCommandError(
      'TypeMismatch',
      "BSON field 'q' is the wrong type, expected object",
    );
  const kind = classifyUpdate(s.u);
  if (s.multi && kind === 'replacement') {
    throw new MongoCommandError(
      'FailedToParse',
      'multi update is not supported for replacement-style update',
    );
  }
  const sort = s.sort && Object.keys(s.sort).length > 0 ? s.sort : undefined;
  const collation = parseCollation(s.collation);
  const { docs, stats, sorted } = ctx.view.match(ctx.db, coll, s.q, {
    hint: s.hint,
    variables,
    collation,
    ...(sort ? { sort } : {}),
    ...(s.multi ? {} : { limit: 1 }),
  });
  countQuery(ctx.server.counters, stats);
  const ordered = sort && !sorted ? sortDocuments(docs, sort, collation) : docs;
  const targets = s.multi ? ordered : ordered.slice(0, 1);
  if (targets.length === 0) {
    if (!s.upsert) return { matched: 0, modified: 0 };
    const seed = kind === 'replacement' ? idSeed(s.q) : upsertSeed(s.q);
    const { doc } = applyUpdate(seed, s.u as Document, {
      filter: s.q,
      arrayFilters: s.arrayFilters,
      inserting: true,
      variables,
    });
    const inserted = prepareForInsert(idFirst(doc, seed));
    ctx.view.insert(ctx.db, coll, inserted);
    return { matched: 0, modified: 0, upsertedId: inserted._id, after: inserted };
  }
  ctx.autocommit?.assertUnlocked(ctx.db, coll, targets);
  const updates = targets.map((before) => ({
    before,
    ...applyUpdate(before, s.u as Document, {
      filter: s.q,
      arrayFilters: s.arrayFilters,
      inserting: false,
      variables,
    }),
  }));
  let modified = 0;
  for (const { before, doc, changed } of updates) {
    if (!changed) continue;
    const size = calculateObjectSize(doc);
    if (size > MAX_BSON_OBJECT_SIZE)
      throw new MongoCommandError(
        'BSONObjectTooLarge',
        `Resulting document after update is larger than ${MAX_BSON_OBJECT_SIZE}`,
      );
    ctx.view.replace(ctx.db, coll, before, doc);
    modified++;
  }
  return { matched: targets.length, modified, before: updates[0]!.before, after: updates[0]!.doc };
}

function idSeed(filter: Document): Document {
  const seed = upsertSeed(filter);
  return '_id' in seed ? { _id: seed._id } : {};
}

function idFirst(doc: Document, seed: Document): Document {
  const id = '_id' in doc ? doc._id : seed._id;
  if (id === undefined) return doc;
  const { _id: _ignored, ...rest } = doc;
  return { _id: id, ...rest };
}

export async function update(ctx: CommandContext): Promise<Document> {
  const coll = collectionName(ctx, 'update');
  assertNotView(ctx, ctx.db, coll);
  const statements = requireArray(ctx, 'updates') as UpdateStatement[];
  let n = 0;
  let nModified = 0;
  const upserted: Document[] = [];
  const variables = letVariables(ctx);
  const writeErrors = await runStatements(ctx, statements, (s, index) => {
    const outcome = runUpdateStatement(ctx, coll, s, variables);
    if (outcome.upsertedId !== undefined) {
      upserted.push({ index, _id: outcome.upsertedId });
      n += 1;
    } else {
      n += outcome.matched;
      nModified += outcome.modified;
    }
  });
  return withWriteErrors(
    { n, nModified, ...(upserted.length > 0 ? { upserted } : {}) },
    writeErrors,
  );
}
