import { describe, expect, it } from 'vitest';
import {
  deadlineReminderDue,
  escalationLevelFor,
  escalationSteps,
  isOverdue,
} from './escalation.rules.js';

const settings = { reminderBeforeHours: 48, orangeAfterHours: 72, redAfterHours: 168 };
const deadline = new Date('2026-12-01T09:00:00Z');
const hoursAfter = (hours: number) => new Date(deadline.getTime() + hours * 3_600_000);

describe('escalationLevelFor', () => {
  it('is null up to and including the deadline', () => {
    expect(escalationLevelFor(deadline, hoursAfter(-1), settings)).toBeNull();
    expect(escalationLevelFor(deadline, deadline, settings)).toBeNull();
  });

  it('climbs BLUE → ORANGE → RED at the configured thresholds', () => {
    expect(escalationLevelFor(deadline, hoursAfter(0.01), settings)).toBe('BLUE');
    expect(escalationLevelFor(deadline, hoursAfter(71.9), settings)).toBe('BLUE');
    expect(escalationLevelFor(deadline, hoursAfter(72), settings)).toBe('ORANGE');
    expect(escalationLevelFor(deadline, hoursAfter(167), settings)).toBe('ORANGE');
    expect(escalationLevelFor(deadline, hoursAfter(168), settings)).toBe('RED');
  });
});

describe('escalationSteps', () => {
  it('climbs every rung in order, never skipping one', () => {
    expect(escalationSteps(null, 'RED')).toEqual(['BLUE', 'ORANGE', 'RED']);
    expect(escalationSteps('BLUE', 'ORANGE')).toEqual(['ORANGE']);
  });

  it('never steps down or repeats a rung', () => {
    expect(escalationSteps('RED', 'BLUE')).toEqual([]);
    expect(escalationSteps('ORANGE', 'ORANGE')).toEqual([]);
    expect(escalationSteps('BLUE', null)).toEqual([]);
  });
});

describe('isOverdue', () => {
  it('counts matters past their deadline with work still owed', () => {
    expect(isOverdue({ status: 'IN_PROGRESS', deadline }, hoursAfter(1))).toBe(true);
    expect(isOverdue({ status: 'RETURNED', deadline }, hoursAfter(1))).toBe(true);
    expect(isOverdue({ status: 'IN_PROGRESS', deadline }, deadline)).toBe(false);
  });

  it('does not count a submitted result awaiting acceptance, nor closed matters', () => {
    for (const status of ['RESULT_SUBMITTED', 'COMPLETED', 'CANCELLED'] as const) {
      expect(isOverdue({ status, deadline }, hoursAfter(500))).toBe(false);
    }
  });
});

describe('deadlineReminderDue', () => {
  const matter = { status: 'ACCEPTED' as const, deadline, deadlineReminderFor: null };

  it('is due within the window before the deadline, once', () => {
    expect(deadlineReminderDue(matter, hoursAfter(-49), settings)).toBe(false);
    expect(deadlineReminderDue(matter, hoursAfter(-48), settings)).toBe(true);
    expect(
      deadlineReminderDue({ ...matter, deadlineReminderFor: deadline }, hoursAfter(-10), settings),
    ).toBe(false);
  });

  it('is due again for a new deadline, but not once the deadline has passed', () => {
    expect(
      deadlineReminderDue(
        { ...matter, deadlineReminderFor: hoursAfter(-100) },
        hoursAfter(-1),
        settings,
      ),
    ).toBe(true);
    expect(deadlineReminderDue(matter, hoursAfter(1), settings)).toBe(false);
  });
});
