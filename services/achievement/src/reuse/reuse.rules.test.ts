import { describe, expect, it } from 'vitest';
import { claimRefusal, decisionConflict, decisionRefusal, disputeProblems } from './reuse.rules.js';

const viewer = (
  divisionId: string | null,
  roles: ('STAFF' | 'DIVISION_HEAD' | 'OFFICE_LEADER')[] = ['STAFF'],
) => ({
  sub: 's',
  divisionId,
  officeId: 'office-harbin',
  roles,
  clearance: 'SECRET' as const,
});
const achievement = { divisionIds: ['div-research', 'div-legal'], status: 'PUBLISHED' as const };

describe('claiming a use', () => {
  it('given another division and a published achievement, then it is allowed', () => {
    expect(claimRefusal(viewer('div-general-1'), achievement)).toBeNull();
  });
  it('given the providing division (lead or co), then it is refused: no self-claim', () => {
    expect(claimRefusal(viewer('div-research'), achievement)).toBe('不能登记本处室成果的应用');
    expect(claimRefusal(viewer('div-legal'), achievement)).toBe('不能登记本处室成果的应用');
  });
  it('given nobody’s division or a draft, then it is refused', () => {
    expect(claimRefusal(viewer(null), achievement)).toMatch(/只有处室/);
    expect(claimRefusal(viewer('div-general-1'), { ...achievement, status: 'DRAFT' })).toBe(
      '成果尚未发布',
    );
  });
});

describe('confirming or disputing a use', () => {
  const use = { providerDivisionId: 'div-research' };
  it('is for the providing division’s head or leadership', () => {
    expect(decisionRefusal(viewer('div-research', ['DIVISION_HEAD']), use)).toBeNull();
    expect(decisionRefusal(viewer(null, ['OFFICE_LEADER']), use)).toBeNull();
    expect(decisionRefusal(viewer('div-research'), use)).toMatch(/负责人/);
    expect(decisionRefusal(viewer('div-general-1', ['DIVISION_HEAD']), use)).toMatch(/负责人/);
  });
  it('happens once: a decided use cannot be decided again', () => {
    expect(decisionConflict('CLAIMED')).toBeNull();
    expect(decisionConflict('CONFIRMED')).toBe('该应用已确认');
    expect(decisionConflict('DISPUTED')).toBe('该应用已提出异议');
  });
  it('a dispute needs a reason', () => {
    expect(disputeProblems(' ')).toEqual(['异议理由不能为空']);
    expect(disputeProblems('未实际采用')).toEqual([]);
  });
});
