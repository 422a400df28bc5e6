import { Timestamp, type Document } from 'bson';
import { update as mingoUpdate } from 'mingo';
import { MongoCommandError } from '../errors/mongo-error.js';
import { copyDocument } from './document-copy.js';
import { createAggregator } from './mingo-options.js';
import { bsonEquals } from './comparison-operators.js';
import {
  describeValue,
  lookupPath,
  numericKind,
  numericOp,
  OVERFLOW,
  pathNotViable,
  typeNameOf,
  zeroLike,
} from './numeric-update.js';

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
    // mongod's no-op test compares the stored document with the replacement as sent: one
    // without the _id (the usual case) always counts as a modification, even when the result
    // is the same document.
    changed = !bsonEquals(update, current);
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
  checkConflicts(update, opts.inserting);
  checkViable(current, modifier);
  computeArithmetic(current, modifier);
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

const isPositional = (path: string): boolean => path.split('.').some((p) => p.startsWith('$'));

/** mongod refuses two operators touching the same path, or a path and its prefix (error 40). */
function checkConflicts(update: Document, inserting: boolean): void {
  const seen: string[] = [];
  for (const [op, fields] of Object.entries(update)) {
    if (op === '$setOnInsert' && !inserting) continue;
    for (const [path, arg] of Object.entries(fields as Document)) {
      const paths = op === '$rename' && typeof arg === 'string' ? [path, arg] : [path];
      for (const p of paths) {
        const clash = seen.find((q) => q === p || q.startsWith(`${p}.`) || p.startsWith(`${q}.`));
        if (clash !== undefined) {
          throw new MongoCommandError(
            'ConflictingUpdateOperators',
            `Updating the path '${p}' would create a conflict at '${clash.length < p.length ? clash : p}'`,
          );
        }
        seen.push(p);
      }
    }
  }
}

/** Operators that create the field they name; mingo silently skips a path it cannot create. */
const CREATING_OPERATORS = ['$set', '$inc', '$mul', '$min', '$max', '$push', '$addToSet'];

function checkViable(current: Document, modifier: Document): void {
  for (const op of [...CREATING_OPERATORS, '$rename']) {
    const fields = modifier[op] as Document | undefined;
    if (!fields) continue;
    for (const [path, arg] of Object.entries(fields)) {
      const target = op === '$rename' ? arg : path;
      if (typeof target !== 'string' || isPositional(target)) continue;
      const found = lookupPath(current, target);
      if (found.kind === 'blocked') throw pathNotViable(found);
    }
  }
}

/**
 * `$inc` and `$mul` on plain paths are computed here with mongod's numeric types and handed to
 * mingo as `$set`; positional paths stay with mingo.
 */
function computeArithmetic(current: Document, modifier: Document): void {
  for (const op of ['$inc', '$mul'] as const) {
    const fields = modifier[op] as Document | undefined;
    if (!fields) continue;
    const kept: Document = {};
    for (const [path, operand] of Object.entries(fields)) {
      if (isPositional(path)) {
        kept[path] = operand;
        continue;
      }
      const verb = op === '$inc' ? 'increment' : 'multiply';
      if (!numericKind(operand)) {
        throw new MongoCommandError(
          'TypeMismatch',
          `Cannot ${verb} with non-numeric argument: {${path}: ${describeValue(operand)}}`,
        );
      }
      const found = lookupPath(current, path);
      let result: unknown;
      if (found.kind !== 'found') {
        result = op === '$inc' ? operand : zeroLike(operand);
      } else {
        result = numericOp(found.value, operand, op === '$inc' ? 'add' : 'mul');
        if (result === undefined) {
          throw new MongoCommandError(
            'TypeMismatch',
            `Cannot apply ${op} to a value of non-numeric type. {_id: ${describeValue(current._id)}} has the field '${path.split('.').pop()!}' of non-numeric type ${typeNameOf(found.value)}`,
          );
        }
        if (result === OVERFLOW) {
          throw new MongoCommandError(
            'BadValue',
            `Failed to apply ${op} operations to current value (${describeValue(found.value)}) for document {_id: ${describeValue(current._id)}}`,
          );
        }
      }
      modifier.$set = { ...(modifier.$set as Document | undefined), [path]: result };
    }
    if (Object.keys(kept).length > 0) modifier[op] = kept;
    else delete modifier[op];
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
