import { describe, expect, it } from 'vitest';
import { natsSubject, streamName, streamSubjects } from './nats-naming.js';

const divisionCreated = { context: 'responsibility', type: 'organisation.division.created' };

describe('NATS naming', () => {
  it('publishes on namespace.context.type, keeping the dots of the type', () => {
    expect(natsSubject('heli', divisionCreated)).toBe(
      'heli.responsibility.organisation.division.created',
    );
    expect(natsSubject('t3f9a1', divisionCreated)).toBe(
      't3f9a1.responsibility.organisation.division.created',
    );
  });

  it('names one stream per context in upper case, non-alphanumerics as underscores', () => {
    expect(streamName('heli', 'responsibility')).toBe('HELI_RESPONSIBILITY');
    expect(streamName('t-3f9a1', 'coordination-body')).toBe('T_3F9A1_COORDINATION_BODY');
  });

  it("captures all of a context's subjects in its stream, and only those", () => {
    expect(streamSubjects('heli', 'responsibility')).toBe('heli.responsibility.>');
  });
});
