import type { EventDefinition } from './define-event.js';
import { EventContractError } from './event-contract-error.js';

const registry: Record<string, EventDefinition> = {};

/** Every defined event contract by its full type, e.g. 'heli.responsibility.organisation.division.created.v1'. */
export const eventContracts: Readonly<Record<string, EventDefinition>> = registry;

export function registerEvent(definition: EventDefinition): void {
  if (Object.hasOwn(registry, definition.fullType)) {
    throw new EventContractError(
      `event contract ${definition.fullType} is already defined; publish a new version instead`,
      definition.fullType,
    );
  }
  registry[definition.fullType] = definition;
}

export function findEventDefinition(fullType: string): EventDefinition | undefined {
  return Object.hasOwn(registry, fullType) ? registry[fullType] : undefined;
}
