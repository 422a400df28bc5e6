import type { Document } from 'bson';
import { MongoCommandError } from '../errors/mongo-error.js';

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
  if (db === 'config' || db === 'local' || (db === 'admin' && !name.endsWith('Transaction'))) {
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
 * Only the simple (binary) collation is implemented; any other would change which documents
 * match and in what order, so it is refused rather than silently ignored.
 */
export function assertSimpleCollations(command: Document): void {
  for (const collation of collationsOf(command)) {
    if (collation === null || typeof collation !== 'object' || Array.isArray(collation)) {
      throw new MongoCommandError(
        'TypeMismatch',
        "BSON field 'collation' is the wrong type, expected type 'object'",
      );
    }
    const locale = (collation as Document).locale as unknown;
    if (locale === 'simple') continue;
    throw new MongoCommandError(
      'CommandNotSupported',
      `collation with locale ${JSON.stringify(locale)} is not supported by the embedded server; only { locale: "simple" } is`,
    );
  }
}
