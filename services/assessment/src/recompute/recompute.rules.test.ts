import { assignmentEvents, sharingEvents } from '@heli/event-contracts';
import { describe, expect, it } from 'vitest';
import type { ScoreIntent } from '../ledger/score-event.rules.js';
import { defaultRuleSet } from '../scoring-rules/default-rule-set.js';
import type { ScoringRuleSet } from '../scoring-rules/scoring-rule.js';
import {
  changeByDivision,
  inScoringOrder,
  planRecompute,
  type StandingScore,
} from './recompute.rules.js';

const v1 = defaultRuleSet(2026);
const at = (day: number) => new Date(Date.UTC(2026, 2, day, 2));

const completed = (id: string, day: number, onTime = true) => ({
  id,
  type: assignmentEvents.assignmentCompleted.fullType,
  time: at(day),
  data: { assignmentId: id, leadDivisionId: 'div-a', coDivisionIds: [], onTime },
});
const reading = (id: string, day: number) => ({
  id,
  type: sharingEvents.readingAcknowledged.fullType,
  time: at(day),
  data: { readingRequestId: id, divisionId: 'div-b', onTime: true },
});

/** The ledger after applying intents: what the consumer would have written. */
const standingOf = (intents: ScoreIntent[]): StandingScore[] =>
  intents.map(
    ({ key, eventId, eventType, eventTime, divisionId, rule, category, points, periods }) => ({
      key,
      eventId,
      eventType,
      eventTime,
      divisionId,
      rule,
      category,
      points,
      periods,
    }),
  );

const withRule = (id: string, change: object): ScoringRuleSet => ({
  ...v1,
  version: 2,
  rules: v1.rules.map((rule) => (rule.id === id ? { ...rule, ...change, version: 2 } : rule)),
});

describe('planRecompute', () => {
  const events = [
    completed('e2', 5),
    reading('r1', 1),
    completed('e1', 5, false),
    ...Array.from({ length: 12 }, (_, i) => reading(`r${i + 2}`, 2 + i)),
  ];

  it('finds nothing to change when the ledger already holds what the rules give', () => {
    const { intents } = planRecompute(events, v1, []);
    expect(planRecompute(events, v1, standingOf(intents)).adjustments).toEqual([]);
  });

  it('turns a rule change into compensating adjustments, the same every time', () => {
    const standing = standingOf(planRecompute(events, v1, []).intents);
    const v2 = withRule('matter-completed-on-time', { points: 5 });
    const first = planRecompute(events, v2, standing);
    const again = planRecompute([...events].reverse(), v2, [...standing].reverse());
    expect(again).toEqual(first);
    expect(first.adjustments).toMatchObject([
      {
        key: 'e2~matter-completed-on-time~div-a',
        points: 2,
        rule: { id: 'matter-completed-on-time', version: 2 },
      },
    ]);
    expect(changeByDivision(first.adjustments)).toEqual(new Map([['div-a', 2]]));
  });

  it('takes back what a removed rule gave', () => {
    const standing = standingOf(planRecompute(events, v1, []).intents);
    const v2 = {
      ...v1,
      version: 2,
      rules: v1.rules.filter((r) => r.id !== 'matter-completed-late'),
    };
    expect(planRecompute(events, v2, standing).adjustments).toMatchObject([
      { key: 'e1~matter-completed-late~div-a', points: -1 },
    ]);
  });

  it('uses caps up in event-time order, whatever order the events arrived in', () => {
    const { intents } = planRecompute([...events].reverse(), v1, []);
    const readingPoints = intents
      .filter((i) => i.divisionId === 'div-b')
      .map((i) => [i.eventId, i.points]);
    expect(readingPoints.slice(0, 2)).toEqual([
      ['r1', 0.5],
      ['r2', 0.5],
    ]);
    expect(readingPoints.slice(-3)).toEqual([
      ['r11', 0],
      ['r12', 0],
      ['r13', 0],
    ]);
  });

  it('moves points between categories when a rule changes category', () => {
    const standing = standingOf(planRecompute(events, v1, []).intents);
    const v2 = withRule('matter-completed-on-time', { category: 'ACHIEVEMENT' });
    const { adjustments } = planRecompute(events, v2, standing);
    expect(adjustments.map((a) => [a.category, a.points])).toEqual([
      ['ACHIEVEMENT', 3],
      ['RESPONSIBILITY', -3],
    ]);
  });
});

describe('inScoringOrder', () => {
  it('orders by time, then id', () => {
    const order = inScoringOrder([completed('b', 2), completed('a', 2), completed('c', 1)]);
    expect(order.map((e) => e.id)).toEqual(['c', 'a', 'b']);
  });
});
