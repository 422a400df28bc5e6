import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from './default-templates.js';
import type { TemplateStep } from './workflow.model.js';
import {
  findCycle,
  nextStepKey,
  processFigures,
  templateProblems,
  waitingOn,
} from './workflow.rules.js';

const step = (key: string, next: string[] = []): TemplateStep => ({
  key,
  name: key,
  responsibleDivisionId: null,
  responsibleRole: '',
  standard: '',
  quantity: '',
  timeLimit: { unit: 'WORKING_DAYS', amount: 1 },
  next,
});

describe('templateProblems', () => {
  it('accepts the four standard templates', () => {
    for (const template of DEFAULT_TEMPLATES) {
      expect(templateProblems(template.name, template.steps)).toEqual([]);
    }
  });

  it('given a step that leads back to an earlier one, when saved, then the cycle is named', () => {
    expect(
      templateProblems('收文', [step('a', ['b']), step('b', ['c']), step('c', ['a'])]),
    ).toEqual(['流程存在循环：a → b → c → a']);
  });

  it('refuses a next step that does not exist, a duplicate key and an impossible limit', () => {
    const bad = { ...step('a', ['z']), timeLimit: { unit: 'WORKING_DAYS' as const, amount: 1.5 } };
    expect(templateProblems('收文', [bad, step('a')])).toEqual([
      '环节“a”的时限须为 1–250 个工作日',
      '环节标识“a”重复',
      '环节“a”的后续环节“z”不存在',
    ]);
  });

  it('refuses a step nothing leads to', () => {
    expect(templateProblems('收文', [step('a'), step('b')])).toEqual(['从第一个环节到达不了：b']);
  });
});

describe('findCycle', () => {
  it('finds none in a branching process that joins again', () => {
    expect(
      findCycle([step('a', ['b', 'c']), step('b', ['d']), step('c', ['d']), step('d')]),
    ).toBeNull();
  });
});

describe('nextStepKey', () => {
  it('asks for a choice where the process branches, and refuses a step that does not follow', () => {
    const register = step('register', ['propose', 'draft']);
    expect(nextStepKey(register, null)).toEqual({ problem: '请选择下一环节：propose、draft' });
    expect(nextStepKey(register, 'draft')).toEqual({ key: 'draft' });
    expect(nextStepKey(register, 'print')).toEqual({ problem: '“print”不是“register”的后续环节' });
    expect(nextStepKey(step('finish'), null)).toEqual({ key: null });
  });
});

describe('processFigures', () => {
  it('gives the median, the 90th percentile and the on-time rate', () => {
    const hour = 3_600_000;
    const steps = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((h) => ({
      durationMs: h * hour,
      onTime: h <= 8,
    }));
    expect(processFigures(steps)).toEqual({
      completed: 10,
      medianHours: 5,
      p90Hours: 9,
      onTimeRate: 0.8,
    });
    expect(processFigures([])).toEqual({
      completed: 0,
      medianHours: null,
      p90Hours: null,
      onTimeRate: null,
    });
  });
});

describe('waitingOn', () => {
  const open = { status: 'OPEN' as const, assigneeStaffId: null, responsibleDivisionId: 'div-a' };

  it("puts an unclaimed open step on its division's list", () => {
    expect(waitingOn(open)).toBe('division:div-a');
  });

  it("puts a claimed or handed-over step on that person's list", () => {
    expect(waitingOn({ ...open, status: 'CLAIMED', assigneeStaffId: 'staff-1' })).toBe(
      'staff:staff-1',
    );
  });

  it('takes a closed step off every list', () => {
    expect(waitingOn({ ...open, status: 'DONE', assigneeStaffId: 'staff-1' })).toBeNull();
    expect(waitingOn({ ...open, status: 'RETURNED' })).toBeNull();
  });
});
