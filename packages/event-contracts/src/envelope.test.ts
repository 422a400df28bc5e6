import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineEvent } from './define-event.js';
import { createEnvelope, isEvent } from './envelope.js';
import { EventContractError } from './event-contract-error.js';
import { forgetContractsDefinedByThisTestFile } from './contracts-defined-by-this-test-file.js';

forgetContractsDefinedByThisTestFile();

const widgetCreated = defineEvent({
  context: 'envelope-test',
  type: 'widget.created',
  version: 1,
  data: z.object({ widgetId: z.string().min(1), name: z.string().min(1) }),
});
const widgetDeleted = defineEvent({
  context: 'envelope-test',
  type: 'widget.deleted',
  version: 1,
  data: z.object({ widgetId: z.string() }),
});

describe('createEnvelope', () => {
  it('builds a CloudEvents 1.0 envelope', () => {
    const envelope = createEnvelope(
      widgetCreated,
      { widgetId: 'w1', name: '秘书处' },
      {
        source: 'responsibility',
        subject: 'w1',
        requestId: 'req-1',
        id: 'evt-1',
        time: new Date('2026-01-02T03:04:05Z'),
      },
    );

    expect(envelope).toEqual({
      specversion: '1.0',
      id: 'evt-1',
      source: 'responsibility',
      type: 'heli.envelope-test.widget.created.v1',
      subject: 'w1',
      time: '2026-01-02T03:04:05.000Z',
      datacontenttype: 'application/json',
      requestid: 'req-1',
      data: { widgetId: 'w1', name: '秘书处' },
    });
  });

  it('gives each event a fresh UUID and the current time by default, without a requestid', () => {
    const options = { source: 'responsibility', subject: 'w1' };
    const a = createEnvelope(widgetCreated, { widgetId: 'w1', name: 'n' }, options);
    const b = createEnvelope(widgetCreated, { widgetId: 'w1', name: 'n' }, options);

    expect(a.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.id).not.toBe(b.id);
    expect(Number.isNaN(Date.parse(a.time))).toBe(false);
    expect(a).not.toHaveProperty('requestid');
  });

  it('refuses data that breaks the contract, naming the type and the fields', () => {
    const create = () =>
      createEnvelope(widgetCreated, { widgetId: '', name: 42 } as never, {
        source: 's',
        subject: 'w1',
      });

    expect(create).toThrow(EventContractError);
    expect(create).toThrow(
      /^heli\.envelope-test\.widget\.created\.v1: invalid data: widgetId: .*; name: /,
    );
  });
});

describe('isEvent', () => {
  it('tells envelopes apart by type', () => {
    const envelope = createEnvelope(
      widgetDeleted,
      { widgetId: 'w1' },
      { source: 's', subject: 'w1' },
    );

    expect(isEvent(envelope, widgetDeleted)).toBe(true);
    expect(isEvent(envelope, widgetCreated)).toBe(false);
  });
});
