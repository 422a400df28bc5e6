import type { EventEnvelope } from './envelope.js';
import { envelopeSchema } from './envelope.js';
import { EventContractError } from './event-contract-error.js';
import { findEventDefinition } from './event-registry.js';
import { describeIssues } from './describe-issues.js';

/**
 * Validates a received event — the envelope and its data against the registered contract of its
 * type — and returns it with the data as the contract parses it. Accepts the decoded object or the
 * raw JSON (string or bytes, as a NATS message carries it). Throws EventContractError naming the
 * type and every bad field; an unknown type is an error too, since nobody could interpret it.
 */
export function parseEnvelope(raw: unknown): EventEnvelope {
  const value = typeof raw === 'string' || raw instanceof Uint8Array ? decodeJson(raw) : raw;
  const envelope = envelopeSchema.safeParse(value);
  if (!envelope.success) {
    const type = typeOf(value);
    throw new EventContractError(
      `${type ?? 'event'}: invalid envelope: ${describeIssues(envelope.error.issues)}`,
      type,
    );
  }
  const { type } = envelope.data;
  const definition = findEventDefinition(type);
  if (!definition) {
    throw new EventContractError(`${type}: no event contract is defined for this type`, type);
  }
  const data = definition.data.safeParse(envelope.data.data);
  if (!data.success) {
    throw new EventContractError(
      `${type}: invalid data: ${describeIssues(data.error.issues.map((i) => ({ ...i, path: ['data', ...i.path] })))}`,
      type,
    );
  }
  return { ...envelope.data, data: data.data };
}

function decodeJson(raw: string | Uint8Array): unknown {
  const text = typeof raw === 'string' ? raw : new TextDecoder().decode(raw);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new EventContractError('event is not valid JSON', undefined, { cause: error });
  }
}

function typeOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !('type' in value)) return undefined;
  return typeof value.type === 'string' ? value.type : undefined;
}
