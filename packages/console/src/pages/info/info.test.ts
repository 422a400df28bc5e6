import { describe, expect, it } from 'vitest';
import { canDecide, infoSearchFrom, infoViewFrom, returnReasonProblem } from './info';

describe('信息报送', () => {
  it('reads its filter and page from the URL, leaving out what it does not know', () => {
    expect(infoViewFrom(new URLSearchParams('status=ADOPTED&after=c2'))).toEqual({
      status: 'ADOPTED',
      after: 'c2',
    });
    expect(infoViewFrom(new URLSearchParams('status=DELETED'))).toEqual({});
  });

  it('writes the same view back to the URL', () => {
    const view = { status: 'RETURNED' as const, after: 'abc' };
    expect(infoViewFrom(infoSearchFrom(view))).toEqual(view);
    expect(infoSearchFrom({}).toString()).toBe('');
  });

  it('lets only the secretariat decide, and only items still waiting', () => {
    expect(canDecide('SECRETARIAT', 'SUBMITTED')).toBe(true);
    expect(canDecide('SECRETARIAT', 'ADOPTED')).toBe(false);
    expect(canDecide('DIVISION', 'SUBMITTED')).toBe(false);
    expect(canDecide(null, 'SUBMITTED')).toBe(false);
  });

  it('asks for a reason before returning', () => {
    expect(returnReasonProblem('  ')).toBe('请填写退回理由');
    expect(returnReasonProblem('数据来源不明，请补充')).toBeUndefined();
  });
});
