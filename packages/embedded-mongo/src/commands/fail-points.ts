import type { Document } from 'bson';
import { codeNameOf, MongoCommandError } from '../errors/mongo-error.js';
import type { CommandContext } from './command-context.js';

/**
 * mongod's `failCommand` test fail point (`configureFailPoint`, available with
 * enableTestCommands): makes chosen commands fail with an error code, a write concern error, a
 * closed connection or a delay. Drivers' own test suites, and Heli's retry tests, rely on it.
 */
type FailCommand = {
  remaining: number;
  skip: number;
  data: Document;
};

/** Reply marker: close the connection instead of answering. */
export const CLOSE_CONNECTION: Document = Object.freeze({ closeConnection: true });

/** Codes mongod labels RetryableWriteError (a retryable write or commit/abort may be retried). */
const RETRYABLE_CODES = new Set([
  6, 7, 89, 91, 189, 262, 9001, 10107, 11600, 11602, 13435, 13436, 134,
]);

export class FailPoints {
  private failCommand: FailCommand | undefined;
  /** `client.application.name` each connection gave in its handshake. */
  readonly appNames = new Map<number, string>();

  configure(command: Document): Document {
    const name = command.configureFailPoint as unknown;
    if (name !== 'failCommand') {
      throw new MongoCommandError('BadValue', `Unknown fail point: ${String(name)}`);
    }
    const mode = command.mode as unknown;
    if (mode === 'off') {
      this.failCommand = undefined;
    } else if (mode === 'alwaysOn') {
      this.failCommand = { remaining: Infinity, skip: 0, data: (command.data as Document) ?? {} };
    } else if (mode && typeof mode === 'object' && ('times' in mode || 'skip' in mode)) {
      const m = mode as Document;
      this.failCommand = {
        remaining: m.times === undefined ? Infinity : Number(m.times),
        skip: Number(m.skip ?? 0),
        data: (command.data as Document) ?? {},
      };
    } else {
      throw new MongoCommandError(
        'BadValue',
        `Unsupported fail point mode: ${JSON.stringify(mode)}`,
      );
    }
    return { count: 0, ok: 1 };
  }

  /** The fail point's instructions for this command, consuming one activation; or undefined. */
  take(name: string, connectionId: number): Document | undefined {
    const fp = this.failCommand;
    if (!fp || fp.remaining <= 0) return undefined;
    const commands = (fp.data.failCommands as string[] | undefined) ?? [];
    if (!commands.includes(name)) return undefined;
    const appName = fp.data.appName as string | undefined;
    if (appName !== undefined && this.appNames.get(connectionId) !== appName) return undefined;
    if (fp.skip > 0) {
      fp.skip--;
      return undefined;
    }
    fp.remaining--;
    if (fp.remaining <= 0) this.failCommand = undefined;
    return fp.data;
  }
}

export function configureFailPoint(ctx: CommandContext): Document {
  return ctx.server.failPoints.configure(ctx.command);
}

function inTransaction(command: Document): boolean {
  return command.autocommit === false;
}

function retryableContext(name: string, command: Document): boolean {
  if (name === 'commitTransaction' || name === 'abortTransaction') return true;
  return command.txnNumber !== undefined && !inTransaction(command);
}

/** The error reply a `failCommand` activation with `errorCode` gives. */
export function failPointError(name: string, command: Document, data: Document): Document {
  const code = Number(data.errorCode);
  let labels = data.errorLabels as string[] | undefined;
  if (labels === undefined) {
    labels = [];
    if (RETRYABLE_CODES.has(code) && retryableContext(name, command))
      labels.push('RetryableWriteError');
    // mongod labels a NoSuchTransaction inside a transaction transient, commit included.
    if (
      inTransaction(command) &&
      (code === 251 ||
        (name !== 'commitTransaction' &&
          name !== 'abortTransaction' &&
          (RETRYABLE_CODES.has(code) || code === 112)))
    )
      labels.push('TransientTransactionError');
  }
  return {
    ok: 0,
    errmsg: "Failing command via 'failCommand' failpoint",
    code,
    codeName: codeNameOf(code),
    ...(labels.length > 0 ? { errorLabels: labels } : {}),
    ...((data.errorExtraInfo as Document | undefined) ?? {}),
  };
}

/** Adds a `failCommand` write concern error to a successful reply. */
export function withFailPointWriteConcernError(
  name: string,
  command: Document,
  reply: Document,
  wce: Document,
): Document {
  const { errorLabels, ...error } = wce;
  let labels = errorLabels as string[] | undefined;
  if (
    labels === undefined &&
    RETRYABLE_CODES.has(Number(error.code)) &&
    retryableContext(name, command)
  )
    labels = ['RetryableWriteError'];
  return {
    ...reply,
    writeConcernError: { codeName: codeNameOf(Number(error.code)), ...error },
    ...(labels && labels.length > 0 ? { errorLabels: labels } : {}),
  };
}
