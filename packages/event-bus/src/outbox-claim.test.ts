import { Query } from 'mingo';
import { describe, expect, it } from 'vitest';
import { claimableFilter, isClaimable } from './outbox-claim.js';
import type { OutboxRecord } from './outbox-record.js';

const now = new Date('2026-03-01T08:00:00.000Z');
const secondsFromNow = (s: number) => new Date(now.getTime() + s * 1000);

function record(overrides: Partial<OutboxRecord>): OutboxRecord {
  return {
    _id: 'e1',
    subject: 'heli.responsibility.organisation.division.created',
    stream: 'HELI_RESPONSIBILITY',
    context: 'responsibility',
    envelope: {
      specversion: '1.0',
      id: 'e1',
      source: 'responsibility',
      type: 'heli.responsibility.organisation.division.created.v1',
      subject: 'd1',
      time: now.toISOString(),
      datacontenttype: 'application/json',
      data: {},
    },
    createdAt: secondsFromNow(-10),
    publishedAt: null,
    attempts: 0,
    claimedBy: null,
    claimedUntil: null,
    ...overrides,
  };
}

const cases: Array<[string, OutboxRecord, boolean]> = [
  ['unpublished and never claimed', record({}), true],
  [
    'unpublished with an expired lease (its relay died)',
    record({ claimedBy: 'relay-a#1', claimedUntil: secondsFromNow(-1) }),
    true,
  ],
  [
    'unpublished with a lease ending exactly now',
    record({ claimedBy: 'relay-a#1', claimedUntil: now }),
    true,
  ],
  [
    'unpublished under a live lease',
    record({ claimedBy: 'relay-a#1', claimedUntil: secondsFromNow(5) }),
    false,
  ],
  ['already published', record({ publishedAt: secondsFromNow(-5) }), false],
];

describe('outbox claims', () => {
  it.each(cases)('a record %s is claimable: %s', (_what, given, expected) => {
    expect(isClaimable(given, now)).toBe(expected);
  });

  it('selects in MongoDB exactly the records isClaimable accepts', () => {
    const query = new Query(claimableFilter(now));
    for (const [what, given, expected] of cases) {
      expect({ what, matches: query.test(given) }).toEqual({ what, matches: expected });
    }
  });
});
