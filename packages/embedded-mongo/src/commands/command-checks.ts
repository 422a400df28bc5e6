import type { Document } from 'bson';
import { MongoCommandError } from '../errors/mongo-error.js';
import { parseCollation } from '../query/collation.js';

/** The commands mongod runs inside a multi-document transaction; any other is refused (263). */
const ALLOWED_IN_TRANSACTION = new Set([
  'find',
  'getMore',
  'killCursors',
  'insert',
  'update',
  'delete',
  'findAndModify',
  'findandmodify',
  'aggregate',
  'distinct',
  'create',
  'createIndexes',
  'bulkWrite',
  'commitTransaction',
  'abortTransaction',
]);

export function assertAllowedInTransaction(name: string, db: string): void {
  if (!ALLOWED_IN_TRANSACTION.has(name)) {
    throw new MongoCommandError(
      'OperationNotSupportedInTransaction',
      `Cannot run '${name}' in a multi-document transaction.`,
    );
  }
  // Client bulkWrite names its namespaces in nsInfo and always runs against admin.
  const adminCommand = name.endsWith('Transaction') || name === 'bulkWrite';
  if (db === 'config' || db === 'local' || (db === 'admin' && !adminCommand)) {
    throw new MongoCommandError(
      'OperationNotSupportedInTransaction',
      `Cannot run command against the '${db}' database in a transaction.`,
    );
  }
}

/**
 * A write concern this one-member replica set cannot satisfy. mongod applies the write and then
 * reports the failure as `writeConcernError` beside `ok: 1`; so does this server, rather than
 * acknowledging it as if it had been satisfied.
 */
export function writeConcernError(command: Document): Document | undefined {
  const wc = command.writeConcern as Document | undefined;
  if (!wc || typeof wc !== 'object') return undefined;
  const w: unknown = wc.w;
  if (typeof w === 'number' && w > 1) {
    return {
      code: 100,
      codeName: 'UnsatisfiableWriteConcern',
      errmsg: 'Not enough data-bearing nodes',
    };
  }
  if (typeof w === 'string' && w !== 'majority') {
    return {
      code: 79,
      codeName: 'UnknownReplWriteConcern',
      errmsg: `No write concern mode named '${w}' found in replica set configuration`,
    };
  }
  return undefined;
}

/** Refuses a malformed write concern before anything is written, as mongod does. */
export function assertValidWriteConcern(command: Document): void {
  const wc = command.writeConcern as unknown;
  if (wc === undefined) return;
  if (wc === null || typeof wc !== 'object' || Array.isArray(wc)) {
    throw new MongoCommandError(
      'TypeMismatch',
      "BSON field 'writeConcern' is the wrong type, expected type 'object'",
    );
  }
  const w: unknown = (wc as Document).w;
  if (
    w !== undefined &&
    typeof w !== 'string' &&
    (typeof w !== 'number' || w < 0 || !Number.isInteger(w))
  ) {
    throw new MongoCommandError(
      'FailedToParse',
      'w has to be a non-negative number and not greater than 50; found: ' + String(w),
    );
  }
  if (w === 0 && (wc as Document).j === true) {
    throw new MongoCommandError('InvalidOptions', 'cannot use j: true with w: 0');
  }
}

const READ_CONCERN_LEVELS = new Set(['local', 'majority', 'linearizable', 'available', 'snapshot']);

/**
 * A read concern this server cannot honour is an error, never a silent downgrade: an unknown
 * level, or linearizable on an aggregate that writes (mongod refuses it too).
 */
export function assertValidReadConcern(name: string, command: Document): void {
  const rc = command.readConcern as unknown;
  if (rc === undefined) return;
  if (rc === null || typeof rc !== 'object' || Array.isArray(rc))
    throw new MongoCommandError(
      'TypeMismatch',
      "BSON field 'readConcern' is the wrong type, expected type 'object'",
    );
  const level = (rc as Document).level as unknown;
  if (level === undefined) return;
  if (typeof level !== 'string' || !READ_CONCERN_LEVELS.has(level))
    throw new MongoCommandError(
      'BadValue',
      `Enumeration value '${String(level)}' for field 'readConcern.level' is not a valid value.`,
    );
  if (level === 'linearizable' && name === 'aggregate') {
    const pipeline = (command.pipeline as Document[] | undefined) ?? [];
    const last = pipeline[pipeline.length - 1];
    const stage = last && typeof last === 'object' ? Object.keys(last)[0] : undefined;
    if (stage === '$out' || stage === '$merge')
      throw new MongoCommandError(
        'InvalidOptions',
        `${stage} cannot be used with a 'linearizable' read concern level`,
      );
  }
}

/** Every collation a command carries: its own, and its statements' or index specs'. */
export function collationsOf(command: Document): unknown[] {
  const found: unknown[] = [];
  if (command.collation !== undefined) found.push(command.collation);
  for (const field of ['updates', 'deletes', 'indexes', 'ops']) {
    const items = command[field] as unknown;
    if (!Array.isArray(items)) continue;
    for (const item of items) {
      const c = (item as Document | null)?.collation as unknown;
      if (c !== undefined) found.push(c);
    }
  }
  return found;
}

/**
 * Collations are honoured by reads and writes (matching, sorting, distinct), but indexes and
 * collections keep binary order: an index or a collection default with another collation
 * would make the unique and ordering guarantees wrong, so it is refused rather than ignored.
 */
export function assertSupportedCollations(name: string, command: Document): void {
  for (const collation of collationsOf(command)) parseCollation(collation);
  const stored =
    name === 'createIndexes'
      ? ((command.indexes as Document[] | undefined) ?? []).map((i) => i?.collation as unknown)
      : name === 'create'
        ? [command.collation as unknown]
        : [];
  for (const collation of stored) {
    if (parseCollation(collation) !== undefined) {
      throw new MongoCommandError(
        'CommandNotSupported',
        `${name === 'create' ? 'a collection default' : 'an index'} collation other than { locale: "simple" } is not supported by the embedded server`,
      );
    }
  }
}
