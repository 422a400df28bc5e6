import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../periods/period.js';
import {
  findingProblems,
  scheduleInspectionProblems,
  spotCheckProblems,
} from './inspections.rules.js';

const now = new Date('2026-12-06T03:00:00Z');
const inDays = (days: number) => new Date(now.getTime() + days * 24 * 3600_000);

describe('scheduleInspectionProblems', () => {
  const fields = {
    title: '四季度定期检查',
    period: parsePeriod('2026-Q4'),
    scheduledFor: inDays(7),
  };

  it('accepts an inspection of a begun period scheduled within the coming year', () => {
    expect(scheduleInspectionProblems(fields, now)).toEqual([]);
    expect(
      scheduleInspectionProblems(
        { ...fields, period: parsePeriod('2027-Q1'), scheduledFor: inDays(120) },
        now,
      ),
    ).toEqual([]);
  });

  it('refuses a date in the past or more than a year ahead, and a period not begun by then', () => {
    expect(
      scheduleInspectionProblems(
        { ...fields, period: parsePeriod('2019'), scheduledFor: new Date('2020-01-01') },
        now,
      ),
    ).toEqual(['检查时间不能早于当前时间']);
    expect(scheduleInspectionProblems({ ...fields, scheduledFor: inDays(400) }, now)).toEqual([
      '检查时间最多安排在一年以内',
    ]);
    expect(scheduleInspectionProblems({ ...fields, period: parsePeriod('2030') }, now)).toEqual([
      '被检查期间 2030 在检查时间之后才开始',
    ]);
  });

  it('requires a title of at most 100 characters', () => {
    expect(scheduleInspectionProblems({ ...fields, title: ' ' }, now)).toEqual([
      '检查名称不能为空',
    ]);
    expect(scheduleInspectionProblems({ ...fields, title: '查'.repeat(101) }, now)).toEqual([
      '检查名称不能超过 100 个字',
    ]);
  });
});

describe('spotCheckProblems', () => {
  const fields = { title: '抽查', period: parsePeriod('2026-Q4') };

  it('accepts known item kinds and a short seed', () => {
    expect(
      spotCheckProblems({ ...fields, itemKinds: ['MATTER', 'READING'], seed: 'q4' }, now),
    ).toEqual([]);
  });

  it('names the unknown item kinds', () => {
    expect(
      spotCheckProblems({ ...fields, itemKinds: ['MATTER', 'BANANA', 'BANANA'] }, now),
    ).toEqual([
      '没有“BANANA”这类事项：事项类别应为 MATTER、READING、CATALOG_ENTRY、INFO_SUBMISSION、FEATURED_ISSUE、MEETING_DECISION、DIFFICULTY、ACHIEVEMENT、ACHIEVEMENT_USE、FORUM_POST、WORKFLOW_STEP、RESEARCH_TOPIC',
    ]);
  });

  it('refuses an overlong seed, an overlong title and a period not begun', () => {
    expect(
      spotCheckProblems(
        { title: '抽'.repeat(101), period: parsePeriod('2027-03'), seed: 's'.repeat(101) },
        now,
      ),
    ).toEqual([
      '抽查名称不能超过 100 个字',
      '抽样种子不能超过 100 个字',
      '考核期间 2027-03 尚未开始，没有可抽查的事项',
    ]);
  });
});

describe('findingProblems', () => {
  it('checks a regular inspection’s item kind and id, and the note', () => {
    expect(
      findingProblems({ note: '台账清晰', item: { kind: 'MATTER', id: 'm-1' } }, 'REGULAR'),
    ).toEqual([]);
    expect(findingProblems({ note: '台账清晰', item: null }, 'REGULAR')).toEqual([]);
    expect(findingProblems({ note: '', item: { kind: 'BANANA', id: '' } }, 'REGULAR')).toEqual([
      '检查发现的说明不能为空',
      '被检查事项的编号不能为空',
      '没有“BANANA”这类事项：事项类别应为 MATTER、READING、CATALOG_ENTRY、INFO_SUBMISSION、FEATURED_ISSUE、MEETING_DECISION、DIFFICULTY、ACHIEVEMENT、ACHIEVEMENT_USE、FORUM_POST、WORKFLOW_STEP、RESEARCH_TOPIC',
    ]);
    expect(findingProblems({ note: '记'.repeat(5001), item: null }, 'REGULAR')).toEqual([
      '检查发现的说明不能超过 5000 个字',
    ]);
  });

  it('leaves a spot check’s item kind to its sample', () => {
    expect(
      findingProblems(
        { note: '抽中', item: { kind: 'INSPECTION_FINDING', id: 'f-1' } },
        'SPOT_CHECK',
      ),
    ).toEqual([]);
  });
});
