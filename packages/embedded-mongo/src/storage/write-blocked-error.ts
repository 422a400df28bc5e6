/**
 * Thrown by an auto-commit write that touches a document an open transaction has written:
 * like mongod, the write waits for that transaction to finish and is then retried.
 */
export class WriteBlockedError extends Error {
  override readonly name = 'WriteBlockedError';
  constructor(readonly until: Promise<void>) {
    super('write blocked by an open transaction');
  }
}
