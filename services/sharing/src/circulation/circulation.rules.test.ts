import { describe, expect, it } from 'vitest';
import {
  acknowledgeHop,
  currentHop,
  isHopOverdue,
  overdueHopCount,
  returnHop,
  routeProblems,
  skipNextReader,
  startCirculation,
} from './circulation.rules.js';

const t0 = new Date('2026-03-02T01:00:00Z');
const hours = (n: number) => new Date(t0.getTime() + n * 3_600_000);
const route = ['staff-a', 'staff-b', 'staff-c'];

describe('routeProblems', () => {
  it('accepts a route of distinct readers with a sensible limit', () => {
    expect(routeProblems(route, 24)).toEqual([]);
  });
  it('rejects empty routes, repeated readers and odd limits', () => {
    expect(routeProblems([], 0)).toHaveLength(2);
    expect(routeProblems(['a', 'a'], 24)).toEqual(['传阅路线中同一人不能出现两次']);
  });
});

describe('a circulation', () => {
  it('starts with the first reader holding it, due after the hop limit', () => {
    const state = startCirculation(route, 24, t0);
    expect(currentHop(state)).toMatchObject({ staffId: 'staff-a', dueAt: hours(24) });
  });

  it('moves on when the holder acknowledges and completes after the last reader', () => {
    let state = startCirculation(route, 24, t0);
    state = acknowledgeHop(state, 'staff-a', '已阅', hours(1));
    expect(currentHop(state)?.staffId).toBe('staff-b');
    state = acknowledgeHop(state, 'staff-b', null, hours(2));
    state = acknowledgeHop(state, 'staff-c', null, hours(3));
    expect(state.status).toBe('COMPLETED');
    expect(state.completedAt).toEqual(hours(3));
    expect(currentHop(state)).toBeNull();
    expect(state.hops.map((hop) => hop.action)).toEqual([
      'ACKNOWLEDGED',
      'ACKNOWLEDGED',
      'ACKNOWLEDGED',
    ]);
  });

  it('lets only the current holder act', () => {
    const state = startCirculation(route, 24, t0);
    expect(() => acknowledgeHop(state, 'staff-b', null, hours(1))).toThrow(
      '只有当前阅件人可以办理',
    );
  });

  it('returns to the previous reader with a reason, who then passes it on again', () => {
    let state = acknowledgeHop(startCirculation(route, 24, t0), 'staff-a', null, hours(1));
    state = returnHop(state, 'staff-b', '请补充附件', hours(2));
    expect(currentHop(state)?.staffId).toBe('staff-a');
    expect(state.hops[1]).toMatchObject({
      staffId: 'staff-b',
      action: 'RETURNED',
      reason: '请补充附件',
    });
    state = acknowledgeHop(state, 'staff-a', null, hours(3));
    expect(currentHop(state)?.staffId).toBe('staff-b');
  });

  it('cannot return from the first reader, nor without a reason', () => {
    const state = startCirculation(route, 24, t0);
    expect(() => returnHop(state, 'staff-a', '理由', hours(1))).toThrow('第一位阅件人无法退回');
    const second = acknowledgeHop(state, 'staff-a', null, hours(1));
    expect(() => returnHop(second, 'staff-b', '  ', hours(2))).toThrow('请填写理由');
  });

  it('skips the next reader with a reason', () => {
    const state = skipNextReader(startCirculation(route, 24, t0), 'staff-a', '出差在外', hours(1));
    expect(currentHop(state)?.staffId).toBe('staff-c');
    expect(state.hops[1]).toMatchObject({
      staffId: 'staff-b',
      action: 'SKIPPED',
      reason: '出差在外',
    });
  });

  it('cannot skip past the end of the route', () => {
    let state = startCirculation(['staff-a'], 24, t0);
    expect(() => skipNextReader(state, 'staff-a', '无', hours(1))).toThrow('没有可跳过的人');
    state = acknowledgeHop(state, 'staff-a', null, hours(1));
    expect(state.status).toBe('COMPLETED');
  });

  it('flags hops held or acted on past their time limit', () => {
    let state = startCirculation(route, 24, t0);
    expect(isHopOverdue(currentHop(state)!, hours(25))).toBe(true);
    state = acknowledgeHop(state, 'staff-a', null, hours(30));
    state = acknowledgeHop(state, 'staff-b', null, hours(31));
    expect(overdueHopCount(state, hours(31))).toBe(1);
  });
});

describe('comments and reasons', () => {
  it('are bounded', () => {
    const state = startCirculation(route, 24, t0);
    expect(() => acknowledgeHop(state, 'staff-a', 'x'.repeat(2_001), hours(1))).toThrow(
      '传阅意见不能超过 2000 个字',
    );
    const atB = acknowledgeHop(state, 'staff-a', 'x'.repeat(2_000), hours(1));
    expect(() => returnHop(atB, 'staff-b', 'x'.repeat(2_001), hours(2))).toThrow(
      '理由不能超过 2000 个字',
    );
    expect(() => skipNextReader(atB, 'staff-b', 'x'.repeat(2_001), hours(2))).toThrow(
      '理由不能超过 2000 个字',
    );
  });
});
