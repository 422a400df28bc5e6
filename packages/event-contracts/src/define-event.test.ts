import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineEvent } from './define-event.js';
import { eventContracts } from './event-registry.js';
import { forgetContractsDefinedByThisTestFile } from './contracts-defined-by-this-test-file.js';

forgetContractsDefinedByThisTestFile();

describe('defineEvent', () => {
  it('derives the full CloudEvents type and registers the contract', () => {
    const approved = defineEvent({
      context: 'define-test',
      type: 'widget.approved',
      version: 2,
      data: z.object({ widgetId: z.string() }),
    });

    expect(approved.fullType).toBe('heli.define-test.widget.approved.v2');
    expect(eventContracts['heli.define-test.widget.approved.v2']).toBe(approved);
  });

  it('refuses to define the same type and version twice', () => {
    const definition = {
      context: 'define-test',
      type: 'widget.renamed',
      version: 1,
      data: z.object({}),
    };
    defineEvent(definition);

    expect(() => defineEvent(definition)).toThrow(
      'event contract heli.define-test.widget.renamed.v1 is already defined; publish a new version instead',
    );
  });

  it('allows a new version of an existing type', () => {
    defineEvent({ context: 'define-test', type: 'widget.moved', version: 1, data: z.object({}) });

    expect(
      defineEvent({ context: 'define-test', type: 'widget.moved', version: 2, data: z.object({}) })
        .fullType,
    ).toBe('heli.define-test.widget.moved.v2');
  });

  it.each([
    { context: 'Bad', type: 'a.b', version: 1 },
    { context: 'ok', type: 'a..b', version: 1 },
    { context: 'ok', type: 'a.*', version: 1 },
    { context: 'ok', type: 'a.b', version: 0 },
    { context: 'ok', type: 'a.b', version: 1.5 },
  ])('refuses names that cannot become NATS subjects or versions: %o', (names) => {
    expect(() => defineEvent({ ...names, data: z.object({}) })).toThrow();
  });
});
