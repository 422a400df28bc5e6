import { describe, expect, it } from 'vitest';
import {
  ASSIGNMENT_ACTIONS,
  ASSIGNMENT_STATUSES,
  actionsFrom,
  IllegalTransitionError,
  nextStatus,
  transition,
  raiseDifficultyStatusProblem,
  splitStatusProblem,
} from './assignment-lifecycle.rules.js';

describe('assignment lifecycle', () => {
  it('walks the happy path: assigned → accepted → in progress → result submitted → completed', () => {
    let status = transition('ASSIGNED', 'ACCEPT');
    expect(status).toBe('ACCEPTED');
    status = transition(status, 'REPORT_PROGRESS');
    expect(status).toBe('IN_PROGRESS');
    expect(transition(status, 'REPORT_PROGRESS')).toBe('IN_PROGRESS');
    status = transition(status, 'SUBMIT_RESULT');
    expect(status).toBe('RESULT_SUBMITTED');
    expect(transition(status, 'COMPLETE')).toBe('COMPLETED');
  });

  it('sends a returned matter back into work, by a progress report or a new result', () => {
    const returned = transition('RESULT_SUBMITTED', 'RETURN');
    expect(returned).toBe('RETURNED');
    expect(transition(returned, 'REPORT_PROGRESS')).toBe('IN_PROGRESS');
    expect(transition(returned, 'SUBMIT_RESULT')).toBe('RESULT_SUBMITTED');
  });

  it('cancels from every open status and from no closed one', () => {
    for (const status of [
      'ASSIGNED',
      'ACCEPTED',
      'IN_PROGRESS',
      'RESULT_SUBMITTED',
      'RETURNED',
    ] as const) {
      expect(nextStatus(status, 'CANCEL')).toBe('CANCELLED');
    }
    expect(nextStatus('COMPLETED', 'CANCEL')).toBeNull();
    expect(nextStatus('CANCELLED', 'CANCEL')).toBeNull();
  });

  it('allows nothing at all once a matter is completed or cancelled', () => {
    for (const action of ASSIGNMENT_ACTIONS) {
      expect(nextStatus('COMPLETED', action)).toBeNull();
      expect(nextStatus('CANCELLED', action)).toBeNull();
    }
  });

  it('refuses progress before acceptance and completion before a result, saying what is possible', () => {
    expect(() => transition('ASSIGNED', 'REPORT_PROGRESS')).toThrow(IllegalTransitionError);
    expect(() => transition('ASSIGNED', 'REPORT_PROGRESS')).toThrow(
      '事项当前状态为“已交办”，不能汇报进展；此时只能“签收”、“撤销”',
    );
    expect(() => transition('IN_PROGRESS', 'COMPLETE')).toThrow(/不能确认办结/);
    expect(() => transition('COMPLETED', 'RETURN')).toThrow(/事项已结束/);
  });

  it('carries BAD_USER_INPUT and the status and action as details', () => {
    const error = new IllegalTransitionError('ACCEPTED', 'ACCEPT');
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toEqual({ status: 'ACCEPTED', action: 'ACCEPT' });
  });

  it('lists the possible actions of every status consistently with nextStatus', () => {
    for (const status of ASSIGNMENT_STATUSES) {
      for (const action of actionsFrom(status)) expect(nextStatus(status, action)).not.toBeNull();
    }
    expect(actionsFrom('RESULT_SUBMITTED')).toEqual(['COMPLETE', 'RETURN', 'CANCEL']);
  });
});

describe('splitStatusProblem', () => {
  it('lets the lead division split once it has accepted, until it reports the result', () => {
    for (const status of ['ACCEPTED', 'IN_PROGRESS', 'RETURNED'] as const) {
      expect(splitStatusProblem(status), status).toBeNull();
    }
  });

  it('refuses before acceptance, after the result and once the matter has ended', () => {
    expect(splitStatusProblem('ASSIGNED')).toBe('主办处室签收后才能拆分协办子事项');
    for (const status of ['RESULT_SUBMITTED', 'COMPLETED', 'CANCELLED'] as const) {
      expect(splitStatusProblem(status), status).toBe('事项已报送结果或已结束，不能再拆分子事项');
    }
  });
});

describe('raiseDifficultyStatusProblem', () => {
  it('allows difficulties on matters under way and refuses them on finished ones', () => {
    for (const status of [
      'ASSIGNED',
      'ACCEPTED',
      'IN_PROGRESS',
      'RESULT_SUBMITTED',
      'RETURNED',
    ] as const) {
      expect(raiseDifficultyStatusProblem(status), status).toBeNull();
    }
    expect(raiseDifficultyStatusProblem('COMPLETED')).toBe('事项已办结，不能再反映困难');
    expect(raiseDifficultyStatusProblem('CANCELLED')).toBe('事项已撤销，不能再反映困难');
  });
});
