import { describe, expect, it } from 'vitest';
import {
  intakeDeadline,
  matterFromDecision,
  matterFromInstruction,
  matterFromOfficeAssignment,
} from './intake.rules.js';

const instruction = {
  instructionId: 'instruction-1',
  documentId: 'doc-1',
  documentTitle: '关于进一步整合政务资源的实施意见',
  classification: 'CONFIDENTIAL' as const,
  leaderStaffId: 'staff-party-secretary',
  text: '请办公厅牵头研究落实，两周内报送方案。',
  leadDivisionId: 'div-general-1',
  coDivisionIds: ['div-research', 'div-general-1'],
  deadline: null,
  issuedAt: '2026-11-20T09:00:00+08:00',
};

describe('matterFromInstruction', () => {
  it('makes a matter for the lead division, assigned by the leader when the instruction was issued', () => {
    const intake = matterFromInstruction(instruction, 14)!;
    expect(intake.assignedByStaffId).toBe('staff-party-secretary');
    expect(intake.assignedAt).toEqual(new Date('2026-11-20T09:00:00+08:00'));
    expect(intake.matter).toMatchObject({
      title: '落实领导批示：关于进一步整合政务资源的实施意见',
      requirements: '请办公厅牵头研究落实，两周内报送方案。',
      classification: 'CONFIDENTIAL',
      leadDivisionId: 'div-general-1',
      coDivisionIds: ['div-research'],
      deadline: new Date('2026-12-04T09:00:00+08:00'),
    });
  });

  it('makes nothing when the instruction names no lead division', () => {
    expect(matterFromInstruction({ ...instruction, leadDivisionId: null }, 14)).toBeNull();
  });
});

describe('matterFromDecision', () => {
  it('titles the matter after the meeting and keeps the deadline it names', () => {
    const intake = matterFromDecision(
      {
        decisionId: 'decision-1',
        meetingId: 'meeting-1',
        meetingKind: 'DELIBERATION',
        meetingTitle: '第12次议政会',
        text: '建立全市政务信息共享目录',
        classification: 'INTERNAL',
        leadDivisionId: 'div-information',
        coDivisionIds: [],
        deadline: '2026-12-31T17:00:00+08:00',
        recordedByStaffId: 'staff-executive-deputy',
        recordedAt: '2026-11-25T10:00:00+08:00',
      },
      14,
    )!;
    expect(intake.matter.title).toBe('第12次议政会议定：建立全市政务信息共享目录');
    expect(intake.matter.deadline).toEqual(new Date('2026-12-31T17:00:00+08:00'));
  });
});

describe('intakeDeadline', () => {
  it('counts the default from when the event happened', () => {
    expect(intakeDeadline(null, new Date('2026-11-01T00:00:00Z'), 3)).toEqual(
      new Date('2026-11-04T00:00:00Z'),
    );
  });
});

describe('matterFromOfficeAssignment', () => {
  it("keeps the higher office's deadline and reporting frequency and names it in the title", () => {
    const intake = matterFromOfficeAssignment({
      officeAssignmentId: 'office-assignment-1',
      fromOfficeId: 'office-harbin',
      fromOfficeName: '市委办公厅',
      title: '开展年底督查',
      requirements: '每周报送进展',
      classification: 'INTERNAL',
      deadline: '2026-12-31T17:00:00+08:00',
      reportFrequency: 'BIWEEKLY',
      leadDivisionId: 'div-general-1',
      coDivisionIds: ['div-general-1'],
      acceptedByStaffId: 'staff-director',
      acceptedAt: '2026-12-06T09:00:00+08:00',
    });
    expect(intake.assignedByStaffId).toBe('staff-director');
    expect(intake.matter).toMatchObject({
      title: '市委办公厅交办：开展年底督查',
      deadline: new Date('2026-12-31T17:00:00+08:00'),
      reportFrequency: 'BIWEEKLY',
      coDivisionIds: [],
    });
  });
});
