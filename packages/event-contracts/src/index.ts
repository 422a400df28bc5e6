export {
  defineEvent,
  type EventDefinition,
  type EventData,
  type FullEventType,
} from './define-event.js';
export { eventContracts, findEventDefinition } from './event-registry.js';
export { EventContractError } from './event-contract-error.js';
export {
  createEnvelope,
  envelopeSchema,
  isEvent,
  type EventEnvelope,
  type EnvelopeOptions,
} from './envelope.js';
export { parseEnvelope } from './parse-envelope.js';
export { natsSubject, streamName, streamSubjects } from './nats-naming.js';
export { toJsonSchemas, type JsonSchema } from './json-schema.js';
export * as responsibilityEvents from './contracts/responsibility.js';
export * as assignmentEvents from './contracts/assignments.js';
export * as sharingEvents from './contracts/sharing.js';
export * as interactionEvents from './contracts/interaction.js';
export * as researchEvents from './contracts/research.js';
export * as coordinationEvents from './contracts/coordination.js';
export * as assessmentEvents from './contracts/assessment.js';
export * as achievementEvents from './contracts/achievement.js';
export * as liaisonEvents from './contracts/liaison.js';
export * as incomingDocumentEvents from './contracts/incoming-documents.js';
