import type { Document } from 'bson';
import { MongoCommandError } from '../errors/mongo-error.js';
import { asMongoError } from '../query/apply-update.js';
import { copyDocument } from '../query/document-copy.js';
import { createAggregator } from '../query/mingo-options.js';
import { valueKey } from '../storage/value-key.js';
import { WriteBlockedError } from '../storage/write-blocked-error.js';
import type { CommandContext } from './command-context.js';
import { prepareForInsert } from './insert.js';

/**
 * The pipeline's writing stages, `$out` and `$merge`, as mongod 8.0 runs them: only as the last
 * stage, never inside a transaction, and the aggregate then returns an empty cursor.
 * `$out` replaces the target's documents all at once (its indexes stay); `$merge` writes
 * document by document and stops at the first error, as mongod does.
 */
export type OutputStage = { kind: '$out'; spec: unknown } | { kind: '$merge'; spec: unknown };

const OUTPUT_STAGES = new Set(['$out', '$merge']);

/** Splits a trailing `$out`/`$merge` off the pipeline; refuses one anywhere else. */
export function splitOutputStage(pipeline: Document[]): {
  pipeline: Document[];
  output: OutputStage | undefined;
} {
  pipeline.forEach((stage, i) => {
    const name = Object.keys(stage)[0]!;
    if (OUTPUT_STAGES.has(name) && i !== pipeline.length - 1)
      throw new MongoCommandError(
        'Location40601',
        `${name} can only be the final stage in the pipeline`,
      );
  });
  const last = pipeline[pipeline.length - 1];
  const name = last ? Object.keys(last)[0]! : '';
  if (!last || !OUTPUT_STAGES.has(name)) return { pipeline, output: undefined };
  return {
    pipeline: pipeline.slice(0, -1),
    output: { kind: name as '$out' | '$merge', spec: last[name] },
  };
}

export async function writeOutput(
  ctx: CommandContext,
  output: OutputStage,
  docs: Document[],
): Promise<void> {
  if (ctx.transaction)
    throw new MongoCommandError(
      'OperationNotSupportedInTransaction',
      `${output.kind} cannot be used in a transaction`,
    );
  // An auto-commit write waits for a transaction holding one of the documents, then runs again.
  for (;;) {
    try {
      if (output.kind === '$out') writeOut(ctx, output.spec, docs);
      else writeMerge(ctx, output.spec, docs);
      return;
    } catch (error) {
      if (!(error instanceof WriteBlockedError)) throw error;
      await ctx.autocommit!.flush();
      await error.until;
    }
  }
}

type Target = { db: string; coll: string };

function target(ctx: CommandContext, stage: string, spec: unknown): Target {
  if (typeof spec === 'string') return { db: ctx.db, coll: validName(stage, spec) };
  if (spec && typeof spec === 'object' && !Array.isArray(spec)) {
    const { db, coll } = spec as Document;
    if (typeof coll !== 'string' || (db !== undefined && typeof db !== 'string'))
      throw new MongoCommandError(
        'FailedToParse',
        `${stage} needs a collection name, or a document with 'db' and 'coll' strings`,
      );
    return { db: (db as string | undefined) ?? ctx.db, coll: validName(stage, coll) };
  }
  throw new MongoCommandError(
    'FailedToParse',
    `${stage} takes a collection name or a document with 'db' and 'coll'`,
  );
}

function validName(stage: string, coll: string): string {
  if (coll.length === 0 || coll.includes('$') || coll.includes('\0') || coll.startsWith('.'))
    throw new MongoCommandError('InvalidNamespace', `Invalid ${stage} target namespace: ${coll}`);
  return coll;
}

/** `$out`: the target ends up holding exactly the output, or, on any error, what it held. */
function writeOut(ctx: CommandContext, spec: unknown, docs: Document[]): void {
  const { db, coll } = target(ctx, '$out', spec);
  const view = ctx.autocommit!;
  const prepared = docs.map((d) => prepareForInsert(d));
  const before = view.match(db, coll, {}).docs;
  view.assertUnlocked(db, coll, before);
  ctx.server.engine.ensureCollection(db, coll, view.ops);
  let removed = 0;
  const inserted: Document[] = [];
  try {
    for (const doc of before) {
      view.remove(db, coll, doc);
      removed++;
    }
    for (const doc of prepared) {
      view.insert(db, coll, doc);
      inserted.push(doc);
    }
  } catch (error) {
    for (const doc of inserted) view.remove(db, coll, doc);
    for (const doc of before.slice(0, removed)) view.insert(db, coll, doc);
    throw error;
  }
}

type MergeSpec = {
  target: Target;
  on: string[];
  whenMatched: 'replace' | 'keepExisting' | 'merge' | 'fail' | Document[];
  whenNotMatched: 'insert' | 'discard' | 'fail';
  variables: Document | undefined;
};

function parseMerge(ctx: CommandContext, spec: unknown): MergeSpec {
  if (typeof spec === 'string') spec = { into: spec };
  if (!spec || typeof spec !== 'object' || Array.isArray(spec))
    throw new MongoCommandError(
      'Location51182',
      '$merge only supports a string or object argument',
    );
  const s = spec as Document;
  const on = s.on === undefined ? ['_id'] : Array.isArray(s.on) ? s.on : [s.on];
  if (on.length === 0 || on.some((f) => typeof f !== 'string'))
    throw new MongoCommandError(
      'Location51186',
      "$merge 'on' must be a string or array of strings",
    );
  const whenMatched = (s.whenMatched ?? 'merge') as MergeSpec['whenMatched'];
  if (
    !Array.isArray(whenMatched) &&
    !['replace', 'keepExisting', 'merge', 'fail'].includes(whenMatched)
  )
    throw new MongoCommandError(
      'BadValue',
      `Enumeration value '${String(whenMatched)}' for field 'whenMatched' is not a valid value.`,
    );
  const whenNotMatched = (s.whenNotMatched ?? 'insert') as MergeSpec['whenNotMatched'];
  if (!['insert', 'discard', 'fail'].includes(whenNotMatched))
    throw new MongoCommandError(
      'BadValue',
      `Enumeration value '${String(whenNotMatched)}' for field 'whenNotMatched' is not a valid value.`,
    );
  if (s.let !== undefined && !Array.isArray(whenMatched))
    throw new MongoCommandError(
      'Location51199',
      "Cannot use 'let' variables with 'whenMatched: " + String(whenMatched) + "' mode",
    );
  return {
    target: target(ctx, '$merge', s.into),
    on: on as string[],
    whenMatched,
    whenNotMatched,
    variables: s.let === undefined ? undefined : (s.let as Document),
  };
}

function writeMerge(ctx: CommandContext, spec: unknown, docs: Document[]): void {
  const merge = parseMerge(ctx, spec);
  const { db, coll } = merge.target;
  const view = ctx.autocommit!;
  assertUniqueIndexOn(ctx, merge);
  ctx.server.engine.ensureCollection(db, coll, view.ops);
  for (const source of docs) {
    const doc = merge.on.length === 1 && merge.on[0] === '_id' ? prepareForInsert(source) : source;
    const key: Document = {};
    for (const field of merge.on) {
      const value = fieldValue(doc, field);
      if (value === undefined || value === null || Array.isArray(value))
        throw new MongoCommandError(
          'Location51132',
          `$merge write error: 'on' field '${field}' cannot be missing, null, undefined or an array`,
        );
      key[field] = value;
    }
    const existing = view.match(db, coll, key).docs[0];
    if (!existing) {
      if (merge.whenNotMatched === 'discard') continue;
      if (merge.whenNotMatched === 'fail')
        throw new MongoCommandError(
          'MergeStageNoMatchingDocument',
          '$merge could not find a matching document in the target collection for at least one document in the source collection',
        );
      view.insert(db, coll, prepareForInsert(doc));
      continue;
    }
    if (merge.whenMatched === 'keepExisting') continue;
    if (merge.whenMatched === 'fail') {
      // mongod inserts, and the unique index reports the duplicate.
      view.insert(db, coll, prepareForInsert(doc));
      continue;
    }
    const updated = matchedImage(merge, existing, doc);
    if (updated._id !== undefined && valueKey(updated._id) !== valueKey(existing._id))
      throw new MongoCommandError(
        'ImmutableField',
        "$merge failed to update the matching document, did you attempt to modify the _id or the shard key? :: caused by :: Performing an update on the path '_id' would modify the immutable field '_id'",
      );
    view.replace(db, coll, existing, { _id: existing._id, ...updated });
  }
}

function matchedImage(merge: MergeSpec, existing: Document, doc: Document): Document {
  if (merge.whenMatched === 'replace') return doc;
  if (merge.whenMatched === 'merge') return { ...existing, ...doc };
  try {
    const variables = { new: doc, ...letValues(merge.variables, doc) };
    const [result] = createAggregator(merge.whenMatched as Document[], { variables }).run([
      copyDocument(existing),
    ]);
    return result as Document;
  } catch (error) {
    throw asMongoError(error);
  }
}

/** `$merge`'s `let`: expressions evaluated against the output document that matched. */
function letValues(spec: Document | undefined, doc: Document): Document {
  if (!spec || Object.keys(spec).length === 0) return {};
  const [values] = createAggregator([
    { $set: { __mergeLet: spec } },
    { $replaceWith: '$__mergeLet' },
  ]).run([copyDocument(doc)]);
  return values as Document;
}

/** mongod needs a unique index on the `on` fields to know a match is the only one. */
function assertUniqueIndexOn(ctx: CommandContext, merge: MergeSpec): void {
  const fields = [...merge.on].sort();
  if (fields.length === 1 && fields[0] === '_id') return;
  const c = ctx.server.engine.collection(merge.target.db, merge.target.coll);
  const found = c
    ?.indexSpecs()
    .some(
      (spec) =>
        spec.unique === true &&
        !spec.partialFilterExpression &&
        Object.keys(spec.key).sort().join('\0') === fields.join('\0'),
    );
  if (!found)
    throw new MongoCommandError(
      'Location51183',
      'Cannot find index to verify that join fields will be unique',
    );
}

function fieldValue(doc: Document, path: string): unknown {
  let value: unknown = doc;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Document)[part];
  }
  return value;
}
