import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildDefinitionSchema } from '@heli/subgraph-runtime';
import { fieldsMissingFromMappedTypes } from '@heli/subgraph-runtime/codegen';
import { mappers } from '../codegen.js';
import { createNotificationsSubgraph } from './server.js';

describe('the records resolvers receive as parents', () => {
  it('have every field the SDL leaves to the default resolver', { timeout: 60_000 }, () => {
    const schema = buildDefinitionSchema(createNotificationsSubgraph());
    const generatedDir = fileURLToPath(new URL('./generated/', import.meta.url));

    expect(fieldsMissingFromMappedTypes(schema, mappers, generatedDir)).toEqual([]);
  });
});
