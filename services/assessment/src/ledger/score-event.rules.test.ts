import { achievementEvents, assignmentEvents, sharingEvents } from '@heli/event-contracts';
import { describe, expect, it } from 'vitest';
import { defaultRuleSet } from '../scoring-rules/default-rule-set.js';
import { applyCap, inMemoryCapUsage, roundPoints, scoreEvent } from './score-event.rules.js';

const rules = defaultRuleSet(2026);
const noUsage = () => 0;

const completed = (onTime: boolean) => ({
  id: `evt-${String(onTime)}`,
  type: assignmentEvents.assignmentCompleted.fullType,
  time: new Date('2026-03-10T02:00:00Z'),
  data: { assignmentId: 'a-1', leadDivisionId: 'div-a', coDivisionIds: ['div-b'], onTime },
});

describe('scoreEvent', () => {
  it('gives a matter completed on time +3 to its lead division, naming event and rule', () => {
    const [intent, ...rest] = scoreEvent(completed(true), rules, noUsage);
    expect(rest).toEqual([]);
    expect(intent).toMatchObject({
      key: 'evt-true~matter-completed-on-time~div-a',
      divisionId: 'div-a',
      points: 3,
      category: 'RESPONSIBILITY',
      rule: { id: 'matter-completed-on-time', version: 1, ruleSetVersion: 1 },
      periods: { year: 2026, quarter: 1, month: 3 },
      capPeriod: null,
    });
  });

  it('scores an achievement once, as providing, not again for the catalogue entry sharing makes of it', () => {
    const at = new Date('2026-03-10T02:00:00Z');
    const registered = {
      id: 'evt-registered',
      type: achievementEvents.achievementRegistered.fullType,
      time: at,
      data: { achievementId: 'achievement-1', leadDivisionId: 'div-a' },
    };
    const entry = (linkKind?: string | null) => ({
      id: `evt-entry-${String(linkKind)}`,
      type: sharingEvents.catalogEntryPublished.fullType,
      time: at,
      data: { entryId: 'entry-1', sourceDivisionId: 'div-a', linkKind },
    });
    const scored = [registered, entry('ACHIEVEMENT')].flatMap((event) =>
      scoreEvent(event, rules, noUsage),
    );
    expect(scored.map((i) => [i.rule.id, i.divisionId, i.points])).toEqual([
      ['achievement-provided', 'div-a', 1],
    ]);
    // An entry a division publishes by hand (or one announced before linkKind existed) still scores.
    for (const linkKind of ['DOCUMENT', null, undefined]) {
      expect(scoreEvent(entry(linkKind), rules, noUsage).map((i) => i.rule.id)).toEqual([
        'catalog-entry-published',
      ]);
    }
  });

  it('gives a late completion +1 instead', () => {
    expect(scoreEvent(completed(false), rules, noUsage).map((i) => i.points)).toEqual([1]);
  });

  it('scores a citation by another division for the source, and not a self-citation', () => {
    const cited = (citingDivisionId: string) => ({
      id: 'evt-cite',
      type: sharingEvents.catalogEntryCited.fullType,
      time: new Date('2026-03-10T02:00:00Z'),
      data: { entryId: 'e-1', sourceDivisionId: 'div-a', citingDivisionId },
    });
    expect(scoreEvent(cited('div-b'), rules, noUsage).map((i) => [i.divisionId, i.points])).toEqual(
      [['div-a', 1]],
    );
    expect(scoreEvent(cited('div-a'), rules, noUsage)).toEqual([]);
  });

  it('gives each featured item to its division, twice for a division featured twice', () => {
    const issue = {
      id: 'evt-issue',
      type: sharingEvents.featuredIssuePublished.fullType,
      time: new Date('2026-03-10T02:00:00Z'),
      data: {
        items: [
          { sourceDivisionId: 'div-a' },
          { sourceDivisionId: 'div-b' },
          { sourceDivisionId: 'div-a' },
          { sourceDivisionId: null },
        ],
      },
    };
    expect(scoreEvent(issue, rules, noUsage).map((i) => [i.divisionId, i.points])).toEqual([
      ['div-a', 6],
      ['div-b', 3],
    ]);
  });

  it('applies the cap against what the rule already gave in the cap period', () => {
    const reading = {
      id: 'evt-read',
      type: sharingEvents.readingAcknowledged.fullType,
      time: new Date('2026-03-10T02:00:00Z'),
      data: { readingRequestId: 'r-1', divisionId: 'div-a', onTime: true },
    };
    const [intent] = scoreEvent(reading, rules, (ruleId, divisionId, capPeriod) =>
      ruleId === 'reading-acknowledged-on-time' && divisionId === 'div-a' && capPeriod === '2026-03'
        ? 4.8
        : 0,
    );
    expect(intent).toMatchObject({ uncappedPoints: 0.5, points: 0.2, capPeriod: '2026-03' });
  });
});

describe('applyCap', () => {
  it('caps rewards and deductions by absolute total, never flipping the sign', () => {
    expect(applyCap(1, 0, 10)).toBe(1);
    expect(applyCap(1, 9.5, 10)).toBe(0.5);
    expect(applyCap(1, 12, 10)).toBe(0);
    expect(applyCap(-0.5, -4.8, 5)).toBe(-0.2);
  });
});

describe('inMemoryCapUsage', () => {
  it('adds up what each rule gave each division per cap period', () => {
    const { usage, record } = inMemoryCapUsage();
    const reading = (id: string) => ({
      id,
      type: sharingEvents.readingAcknowledged.fullType,
      time: new Date('2026-03-10T02:00:00Z'),
      data: { readingRequestId: id, divisionId: 'div-a', onTime: true },
    });
    const given: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      for (const intent of scoreEvent(reading(`r-${i}`), rules, usage)) {
        record(intent);
        given.push(intent.points);
      }
    }
    expect(given.reduce((a, b) => a + b, 0)).toBe(5);
    expect(given.slice(9)).toEqual([0.5, 0, 0]);
    expect(usage('reading-acknowledged-on-time', 'div-a', '2026-03')).toBe(5);
    expect(roundPoints(0.1 + 0.2)).toBe(0.3);
  });
});
