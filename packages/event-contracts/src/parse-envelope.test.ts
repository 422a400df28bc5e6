import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineEvent } from './define-event.js';
import { createEnvelope } from './envelope.js';
import { parseEnvelope } from './parse-envelope.js';
import { forgetContractsDefinedByThisTestFile } from './contracts-defined-by-this-test-file.js';

forgetContractsDefinedByThisTestFile();

const reminderSent = defineEvent({
  context: 'parse-test',
  type: 'assignment.reminder-sent',
  version: 1,
  data: z.object({ assignmentId: z.string(), dueAt: z.iso.datetime(), attempt: z.number().int() }),
});
const valid = createEnvelope(
  reminderSent,
  { assignmentId: 'a1', dueAt: '2026-03-01T00:00:00Z', attempt: 1 },
  { source: 'responsibility', subject: 'a1', requestId: 'req-5' },
);

describe('parseEnvelope', () => {
  it('accepts a valid envelope as object, JSON string or bytes', () => {
    const json = JSON.stringify(valid);

    expect(parseEnvelope(structuredClone(valid))).toEqual(valid);
    expect(parseEnvelope(json)).toEqual(valid);
    expect(parseEnvelope(new TextEncoder().encode(json))).toEqual(valid);
  });

  it('refuses data that breaks the contract, naming the type and every bad field', () => {
    const broken = { ...valid, data: { assignmentId: 'a1', dueAt: 'tomorrow', attempt: 1.5 } };

    expect(() => parseEnvelope(broken)).toThrow(
      expect.objectContaining({
        name: 'EventContractError',
        eventType: 'heli.parse-test.assignment.reminder-sent.v1',
        message: expect.stringMatching(
          /^heli\.parse-test\.assignment\.reminder-sent\.v1: invalid data: data\.dueAt: .*; data\.attempt: /,
        ),
      }),
    );
  });

  it('refuses an envelope of an unknown type', () => {
    expect(() => parseEnvelope({ ...valid, type: 'heli.parse-test.nobody-knows.v1' })).toThrow(
      'heli.parse-test.nobody-knows.v1: no event contract is defined for this type',
    );
  });

  it('refuses a malformed envelope, naming the missing attributes', () => {
    const { id: _id, time: _time, ...withoutIdAndTime } = valid;

    expect(() => parseEnvelope({ ...withoutIdAndTime, specversion: '0.3' })).toThrow(
      /^heli\.parse-test\.assignment\.reminder-sent\.v1: invalid envelope: specversion: .*; id: .*; time: /,
    );
  });

  it('refuses something that is not JSON at all', () => {
    expect(() => parseEnvelope('{oops')).toThrow('event is not valid JSON');
    expect(() => parseEnvelope(null)).toThrow(/invalid envelope/);
  });
});
