import { describe, expect, it } from 'vitest';
import {
  assessmentSearchFrom,
  assessmentViewFrom,
  currentYear,
  formatPoints,
  lastMonths,
  subjectLink,
  trendSeries,
} from './assessment';

describe('考核 view in the URL', () => {
  it('given a shared link, then period, category, division and page are read back; a bad period is left out', () => {
    const view = assessmentViewFrom(
      new URLSearchParams('period=2026-Q2&category=SHARING&division=div-research&after=c1'),
    );
    expect(view).toEqual({
      period: '2026-Q2',
      category: 'SHARING',
      division: 'div-research',
      after: 'c1',
    });
    expect(assessmentViewFrom(assessmentSearchFrom(view))).toEqual(view);
    expect(assessmentViewFrom(new URLSearchParams('period=2026-13&category=FUN'))).toEqual({});
  });
});

describe('periods in China time', () => {
  it('given 31 December 17:00 UTC, then it is already the new year in China', () => {
    const now = new Date('2026-12-31T17:00:00Z');
    expect(currentYear(now)).toBe('2027');
    expect(lastMonths(3, now)).toEqual(['2026-11', '2026-12', '2027-01']);
  });

  it('given a month early in the year, then the months reach back into the last year', () => {
    expect(lastMonths(6, new Date('2026-02-10T04:00:00Z'))).toEqual([
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
  });
});

describe('trend lines', () => {
  const research = { id: 'div-research', name: '调研室' };
  const legal = { id: 'div-legal', name: '法规室' };

  it('given leaderboards per month, then each division has one figure per month, 0 where absent, ordered by the latest month', () => {
    expect(
      trendSeries([
        [{ points: 10, division: research }],
        null,
        [
          { points: 12, division: legal },
          { points: 8, division: research },
        ],
      ]),
    ).toEqual([
      { division: '法规室', points: [0, 0, 12] },
      { division: '调研室', points: [10, 0, 8] },
    ]);
  });
});

describe('score entries', () => {
  it('given a matter, then its source links to the matter page; a hidden source is none', () => {
    expect(subjectLink({ __typename: 'Assignment', id: 'a-1', title: '起草年度工作要点' })).toEqual(
      {
        kind: '督办事项',
        label: '起草年度工作要点',
        to: '/board/matters/a-1',
      },
    );
    expect(subjectLink({ __typename: 'CatalogEntry', id: 'e 1', title: '调研报告' })?.to).toBe(
      '/catalogue?entry=e%201',
    );
    expect(subjectLink({ __typename: 'MeetingDecision', id: 'm-1' })).toEqual({
      kind: '会议决定',
      label: '会议决定 m-1',
    });
    expect(subjectLink(null)).toBeNull();
  });

  it('reads points signed', () => {
    expect(formatPoints(2.5)).toBe('+2.5');
    expect(formatPoints(-1)).toBe('-1');
    expect(formatPoints(1 / 3)).toBe('+0.33');
  });
});
