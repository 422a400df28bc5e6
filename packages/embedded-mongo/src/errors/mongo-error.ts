import type { Document } from 'bson';

/** The MongoDB error codes this server produces, with the codeName MongoDB pairs with each. */
export const ErrorCode = {
  InternalError: 1,
  BadValue: 2,
  FailedToParse: 9,
  Unauthorized: 13,
  TypeMismatch: 14,
  IllegalOperation: 20,
  InvalidBSON: 22,
  NamespaceNotFound: 26,
  PathNotViable: 28,
  UnknownReplWriteConcern: 79,
  UnsatisfiableWriteConcern: 100,
  CommandNotSupported: 115,
  GraphContainsCycle: 5,
  ViewDepthLimitExceeded: 165,
  CommandNotSupportedOnView: 166,
  OptionNotSupportedOnView: 167,
  OperationNotSupportedInTransaction: 263,
  InvalidViewDefinition: 182,
  IndexNotFound: 27,
  NotSingleValueField: 54,
  ConflictingUpdateOperators: 40,
  CursorNotFound: 43,
  NamespaceExists: 48,
  InvalidIdField: 53,
  DollarPrefixedFieldName: 52,
  CommandNotFound: 59,
  ImmutableField: 66,
  CannotCreateIndex: 67,
  InvalidOptions: 72,
  InvalidNamespace: 73,
  IndexOptionsConflict: 85,
  IndexKeySpecsConflict: 86,
  WriteConflict: 112,
  NoSuchTransaction: 251,
  TransactionCommitted: 256,
  TransactionTooOld: 225,
  Location17276: 17276,
  Location40323: 40323,
  DuplicateKey: 11000,
  BSONObjectTooLarge: 10334,
  DocumentValidationFailure: 121,
  MergeStageNoMatchingDocument: 13113,
  Location40601: 40601,
  Location51132: 51132,
  Location51182: 51182,
  Location51183: 51183,
  Location51186: 51186,
  Location51199: 51199,
  // Not produced by this server's own logic, but injected through the failCommand fail point by
  // drivers' tests; a reply must still carry mongod's codeName for them.
  HostUnreachable: 6,
  HostNotFound: 7,
  UnknownError: 8,
  LockTimeout: 24,
  MaxTimeMSExpired: 50,
  WriteConcernFailed: 64,
  NetworkTimeout: 89,
  ShutdownInProgress: 91,
  ReadConcernMajorityNotAvailableYet: 134,
  PrimarySteppedDown: 189,
  ExceededTimeLimit: 262,
  SocketException: 9001,
  NotWritablePrimary: 10107,
  InterruptedAtShutdown: 11600,
  Interrupted: 11601,
  InterruptedDueToReplStateChange: 11602,
  NotPrimaryNoSecondaryOk: 13435,
  NotPrimaryOrSecondary: 13436,
} as const;

export type ErrorCodeName = keyof typeof ErrorCode;

const NAME_BY_CODE = new Map<number, string>(
  Object.entries(ErrorCode).map(([name, code]) => [code, name]),
);

export function codeNameOf(code: number): string {
  return NAME_BY_CODE.get(code) ?? `Location${code}`;
}

/**
 * An error a command reports to the client in MongoDB's shape:
 * `{ ok: 0, errmsg, code, codeName, errorLabels?, ...extra }`.
 */
export class MongoCommandError extends Error {
  override readonly name = 'MongoCommandError';
  readonly code: number;
  readonly codeName: string;
  readonly errorLabels: string[];
  /** Fields MongoDB adds for some errors, e.g. `keyPattern`/`keyValue` for E11000. */
  readonly extra: Document;

  constructor(
    codeName: ErrorCodeName,
    message: string,
    opts: { errorLabels?: string[]; extra?: Document; cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.code = ErrorCode[codeName];
    this.codeName = codeName;
    this.errorLabels = opts.errorLabels ?? [];
    this.extra = opts.extra ?? {};
  }

  toReply(): Document {
    return {
      ok: 0,
      errmsg: this.message,
      code: this.code,
      codeName: this.codeName,
      ...(this.errorLabels.length > 0 ? { errorLabels: this.errorLabels } : {}),
      ...this.extra,
    };
  }

  /** The element of a write command's `writeErrors` array. */
  toWriteError(index: number): Document {
    return { index, code: this.code, errmsg: this.message, ...this.extra };
  }
}

export function writeConflict(): MongoCommandError {
  return new MongoCommandError(
    'WriteConflict',
    'Write conflict during plan execution and yielding is disabled. :: Please retry your operation or multi-document transaction.',
    { errorLabels: ['TransientTransactionError'] },
  );
}
