import { Timestamp, type Document } from 'bson';
import { update as mingoUpdate } from 'mingo';
import { MongoCommandError } from '../errors/mongo-error.js';
import { copyDocument } from './document-copy.js';
import { createAggregator } from './mingo-options.js';
import { bsonEquals } from './comparison-operators.js';

export const UPDATE_OPERATORS = new Set([
  '$set',
  '$unset',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$rename',
  '$currentDate',
  '$setOnInsert',
  '$push',
  '$addToSet',
  '$pop',
  '$pull',
  '$pullAll',
  '$bit',
]);

const PIPELINE_STAGES = new Set([
  '$addFields',
  '$set',
  '$project',
  '$unset',
  '$replaceRoot',
  '$replaceWith',
]);

export type UpdateKind = 'operators' | 'replacement' | 'pipeline';

/** Decides what an update document is, rejecting mixtures and unknown modifiers as MongoDB does. */
export function classifyUpdate(u: unknown): UpdateKind {
  if (Array.isArray(u)) {
    for (const stage of u) {
      const name = stage && typeof stage === 'object' ? Object.keys(stage)[0] : undefined;
      if (!name || !PIPELINE_STAGES.has(name)) {
        throw new MongoCommandError(
          'InvalidOptions',
          `${name ?? 'stage'} is not allowed to be used within an update`,
        );
      }
    }
    return 'pipeline';
  }
  if (u === null || typeof u !== 'object')
    throw new MongoCommandError(
      'FailedToParse',
      'Update argument must be either an object or an array',
    );
  const keys = Object.keys(u);
  const operators = keys.filter((k) => k.startsWith('$'));
  if (operators.length === 0) return 'replacement';
  if (operators.length !== keys.length) {
    const plain = keys.find((k) => !k.startsWith('$'))!;
    throw new MongoCommandError(
      'FailedToParse',
      `Unknown modifier: ${plain}. Expected a valid update modifier or pipeline-style update specified as an array`,
    );
  }
  for (const op of operators) {
    if (!UPDATE_OPERATORS.has(op)) {
      throw new MongoCommandError(
        'FailedToParse',
        `Unknown modifier: ${op}. Expected a valid update modifier or pipeline-style update specified as an array`,
      );
    }
    const arg = (u as Document)[op];
    if (arg === null || typeof arg !== 'object' || Array.isArray(arg)) {
      throw new MongoCommandError(
        'FailedToParse',
        `Modifiers operate on fields but we found type ${Array.isArray(arg) ? 'array' : typeof arg} instead. For example: {$mod: {<field>: ...}} not {${op}: ${String(arg)}}`,
      );
    }
  }
  return 'operators';
}

export type UpdateOptions = {
  /** The query that selected the document; needed for the positional `$` operator. */
  filter: Document;
  arrayFilters?: Document[];
  /** True when the document is the seed of an upsert, so `$setOnInsert` applies. */
  inserting: boolean;
  variables?: Record<string, unknown>;
};

/** Returns the post-image; `current` is never modified (stored documents are immutable). */
export function applyUpdate(
  current: Document,
  update: Document | Document[],
  opts: UpdateOptions,
): { doc: Document; changed: boolean } {
  const kind = classifyUpdate(update);
  let next: Document;
  let changed: boolean;
  if (kind === 'replacement') {
    next = replacement(current, update as Document);
    changed = !bsonEquals(next, current);
  } else if (kind === 'pipeline') {
    next = runPipeline(current, update as Document[], opts);
    changed = !bsonEquals(next, current);
  } else {
    ({ doc: next, changed } = runOperators(current, update as Document, opts));
  }
  if ('_id' in current && !bsonEquals(next._id, current._id)) {
    throw new MongoCommandError(
      'ImmutableField',
      `Performing an update on the path '_id' would modify the immutable field '_id'`,
    );
  }
  return { doc: next, changed };
}

function replacement(current: Document, replacementDoc: Document): Document {
  const next: Document = '_id' in current ? { _id: current._id } : {};
  for (const [k, v] of Object.entries(replacementDoc)) {
    if (k === '_id' && '_id' in current) {
      if (!bsonEquals(v, current._id)) {
        throw new MongoCommandError(
          'ImmutableField',
          `After applying the update, the (immutable) field '_id' was found to have been altered to _id: ${String(v)}`,
        );
      }
      continue;
    }
    next[k] = v;
  }
  return copyDocument(next);
}

function runPipeline(current: Document, pipeline: Document[], opts: UpdateOptions): Document {
  try {
    const [out] = createAggregator(pipeline, { variables: opts.variables }).run([
      copyDocument(current),
    ]);
    const next = (out ?? {}) as Document;
    if ('_id' in current && !('_id' in next)) return { _id: current._id, ...next };
    return next;
  } catch (error) {
    throw asMongoError(error);
  }
}

function runOperators(
  current: Document,
  update: Document,
  opts: UpdateOptions,
): { doc: Document; changed: boolean } {
  const { $setOnInsert, $currentDate, ...modifier } = update;
  // mingo has no $setOnInsert: on insert it is a $set, otherwise nothing.
  if ($setOnInsert && opts.inserting) {
    modifier.$set = { ...(modifier.$set as Document | undefined), ...($setOnInsert as Document) };
  }
  // mingo's $currentDate writes epoch milliseconds where MongoDB writes a Date or Timestamp.
  if ($currentDate) {
    modifier.$set = {
      ...(modifier.$set as Document | undefined),
      ...currentDateValues($currentDate as Document),
    };
  }
  const next = copyDocument(current);
  if (Object.keys(modifier).length === 0) return { doc: next, changed: false };
  // mingo re-tests the condition before updating; it is only needed to resolve a positional `$`
  // and must not veto an upsert seed, which need not satisfy range conditions of the query.
  const condition = !opts.inserting && usesPositional(modifier) ? opts.filter : {};
  try {
    const modified = mingoUpdate(next, modifier as never, opts.arrayFilters, condition as never, {
      cloneMode: 'deep',
    });
    return { doc: next, changed: modified.length > 0 };
  } catch (error) {
    throw asMongoError(error);
  }
}

function usesPositional(modifier: Document): boolean {
  return Object.values(modifier).some((fields) =>
    Object.keys(fields as Document).some(
      (path) => path === '$' || path.includes('.$.') || path.endsWith('.$'),
    ),
  );
}

let timestampIncrement = 0;

function currentDateValues(spec: Document): Document {
  const out: Document = {};
  for (const [path, how] of Object.entries(spec)) {
    const asTimestamp =
      typeof how === 'object' && how !== null && (how as Document).$type === 'timestamp';
    out[path] = asTimestamp
      ? new Timestamp({ t: Math.floor(Date.now() / 1000), i: ++timestampIncrement })
      : new Date();
  }
  return out;
}

/** mingo reports bad update input with plain Errors; map the ones MongoDB classifies. */
export function asMongoError(error: unknown): MongoCommandError {
  if (error instanceof MongoCommandError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/immutable/i.test(message))
    return new MongoCommandError('ImmutableField', message, { cause: error });
  if (/conflict/i.test(message))
    return new MongoCommandError('ConflictingUpdateOperators', message, { cause: error });
  if (/non-numeric|must be a number|numeric type|cannot apply/i.test(message))
    return new MongoCommandError('TypeMismatch', message, { cause: error });
  if (/unknown|unsupported|invalid|not allowed|expects/i.test(message))
    return new MongoCommandError('FailedToParse', message, { cause: error });
  return new MongoCommandError('BadValue', message, { cause: error });
}
