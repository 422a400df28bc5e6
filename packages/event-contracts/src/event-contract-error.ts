/**
 * An event does not match its contract: an unknown type, a malformed envelope, data that fails
 * its schema, or a contract defined twice. The message names the event type and the bad fields.
 */
export class EventContractError extends Error {
  override readonly name = 'EventContractError';

  constructor(
    message: string,
    /** The full event type, when known. */
    readonly eventType?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
