import { z } from 'zod';
import { envelopeSchema } from './envelope.js';
import { eventContracts } from './event-registry.js';

export type JsonSchema = z.core.JSONSchema.JSONSchema;

/**
 * JSON Schema (draft 2020-12) of every registered event, by full type: the whole CloudEvents
 * envelope with `type` fixed and `data` the contract's schema — what a consumer outside
 * TypeScript needs to validate a message.
 */
export function toJsonSchemas(): Record<string, JsonSchema> {
  return Object.fromEntries(
    Object.values(eventContracts).map((definition) => {
      const schema = envelopeSchema.extend({
        type: z.literal(definition.fullType),
        data: definition.data,
      });
      const jsonSchema: JsonSchema = z.toJSONSchema(schema, { io: 'output' });
      return [definition.fullType, { ...jsonSchema, title: definition.fullType }];
    }),
  );
}
