import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineEvent } from './define-event.js';
import { eventContracts } from './event-registry.js';
import { toJsonSchemas } from './json-schema.js';
import './contracts/responsibility.js';
import { forgetContractsDefinedByThisTestFile } from './contracts-defined-by-this-test-file.js';

forgetContractsDefinedByThisTestFile();

defineEvent({
  context: 'schema-test',
  type: 'widget.created',
  version: 1,
  data: z.object({ widgetId: z.string(), size: z.number().int().optional() }),
});

describe('toJsonSchemas', () => {
  it('exports one schema per registered contract', () => {
    expect(Object.keys(toJsonSchemas()).sort()).toEqual(Object.keys(eventContracts).sort());
  });

  it('describes the whole envelope with the type fixed and the data schema inside', () => {
    const schema = toJsonSchemas()['heli.schema-test.widget.created.v1'];

    expect(schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: 'heli.schema-test.widget.created.v1',
      type: 'object',
      required: expect.arrayContaining([
        'specversion',
        'id',
        'source',
        'type',
        'subject',
        'time',
        'data',
      ]),
      properties: {
        type: { const: 'heli.schema-test.widget.created.v1' },
        data: {
          type: 'object',
          properties: { widgetId: { type: 'string' }, size: { type: 'integer' } },
          required: ['widgetId'],
        },
      },
    });
  });

  it('covers the organisation events of the responsibility context', () => {
    expect(Object.keys(toJsonSchemas())).toEqual(
      expect.arrayContaining([
        'heli.responsibility.organisation.office.created.v1',
        'heli.responsibility.organisation.division.updated.v1',
        'heli.responsibility.organisation.coordination-body.updated.v1',
      ]),
    );
  });
});
