import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildDefinitionSchema } from '@heli/subgraph-runtime';
import { fieldsMissingFromMappedTypes } from '@heli/subgraph-runtime/codegen';
import { mappers } from '../codegen.js';
import { createLiaisonSubgraph } from './server.js';
import { systemClock } from './settings.js';

describe('the records resolvers receive as parents', () => {
  it('have every field the SDL leaves to the default resolver', { timeout: 60_000 }, () => {
    const schema = buildDefinitionSchema(
      createLiaisonSubgraph({
        settings: {
          office: {
            id: 'office-harbin',
            name: '中共哈尔滨市委办公厅',
            secretariatDivisionId: null,
          },
          signingKey: undefined as never,
          links: [],
          clock: systemClock,
          relay: { intervalMs: 1000, deliveryTimeoutMs: 1000 },
        },
      }),
    );
    const generatedDir = fileURLToPath(new URL('./generated/', import.meta.url));

    expect(fieldsMissingFromMappedTypes(schema, mappers, generatedDir)).toEqual([]);
  });
});
