import type { z } from 'zod';
import { EventContractError } from './event-contract-error.js';
import { registerEvent } from './event-registry.js';

export type FullEventType<
  C extends string,
  T extends string,
  V extends number,
> = `heli.${C}.${T}.v${V}`;

export interface EventDefinition<
  C extends string = string,
  T extends string = string,
  V extends number = number,
  D extends z.ZodType = z.ZodType,
> {
  /** The bounded context (= subgraph) that owns and publishes the event, e.g. 'responsibility'. */
  context: C;
  /** Aggregate and happening, dot separated, e.g. 'organisation.division.created'. */
  type: T;
  /** Bumped for an incompatible change to `data`; old versions stay defined for old messages. */
  version: V;
  fullType: FullEventType<C, T, V>;
  data: D;
}

/** The payload type of an event definition. */
export type EventData<E extends EventDefinition> = z.output<E['data']>;

// Contexts and type segments become NATS subject tokens and stream names.
const CONTEXT = /^[a-z][a-z0-9-]*$/;
const TYPE = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/;

/**
 * Defines an event contract and registers it, so `parseEnvelope` can validate incoming events of
 * this type. Defining the same context, type and version twice throws.
 */
export function defineEvent<
  const C extends string,
  const T extends string,
  const V extends number,
  D extends z.ZodType,
>(definition: { context: C; type: T; version: V; data: D }): EventDefinition<C, T, V, D> {
  const { context, type, version, data } = definition;
  const fullType = `heli.${context}.${type}.v${version}` as FullEventType<C, T, V>;
  if (!CONTEXT.test(context)) {
    throw new EventContractError(
      `event context "${context}" must be lower-case kebab-case`,
      fullType,
    );
  }
  if (!TYPE.test(type)) {
    throw new EventContractError(
      `event type "${type}" must be dot-separated lower-case kebab-case segments`,
      fullType,
    );
  }
  if (!Number.isInteger(version) || version < 1) {
    throw new EventContractError(
      `event version must be a positive integer, got ${version}`,
      fullType,
    );
  }
  const defined: EventDefinition<C, T, V, D> = { context, type, version, fullType, data };
  registerEvent(defined);
  return defined;
}
