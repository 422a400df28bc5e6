import { assignmentEvents } from '@heli/event-contracts';
import { waitFor } from '@heli/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSupervisionTick } from '../src/supervision/supervision-tick.js';
import {
  assign,
  hoursFromStart,
  OFFICE_LEADER,
  startMatters,
  TEST_START,
  TEST_SUPERVISION,
  type Matters,
  type Data,
} from './matters-harness.js';
import { HEAD, step } from './matter-steps.js';

const EVENTS = {
  overdue: assignmentEvents.assignmentOverdue,
  escalated: assignmentEvents.assignmentEscalated,
};

async function eventsOf(matters: Matters, id: string) {
  return (await matters.outboxEvents())
    .filter((event) => event.subject === id)
    .filter(
      (event) => event.type === EVENTS.overdue.fullType || event.type === EVENTS.escalated.fullType,
    )
    .map((event) => (event.type === EVENTS.overdue.fullType ? 'OVERDUE' : event.data['level']));
}

const REMINDERS = `query($id: ID!) { assignment(id: $id) { overdue escalationLevel reminders { kind message sentBy { id } sentAt } } }`;

describe('supervision on one replica', () => {
  let matters: Matters;

  beforeAll(async () => {
    matters = await startMatters();
  });

  afterAll(async () => {
    await matters?.close();
  });

  it('reminds before the deadline, then climbs BLUE → ORANGE → RED as the matter gets later, once each', async () => {
    matters.clock.set(TEST_START);
    const { id } = await assign(matters, {
      deadline: hoursFromStart(72),
      title: '报送年度工作总结',
    });
    await step(matters, 'ACCEPT', id);
    expect((await matters.tick()).deadlineReminders).toBe(0);

    matters.clock.set(new Date(hoursFromStart(72 - 47)));
    expect((await matters.tick()).deadlineReminders).toBe(1);
    expect((await matters.tick()).deadlineReminders).toBe(0);

    matters.clock.set(new Date(hoursFromStart(72)));
    expect(await matters.tick()).toMatchObject({
      overdue: 0,
      escalations: { BLUE: 0, ORANGE: 0, RED: 0 },
    });

    matters.clock.set(new Date(hoursFromStart(73)));
    expect(await matters.tick()).toMatchObject({
      overdue: 1,
      escalations: { BLUE: 1, ORANGE: 0, RED: 0 },
    });
    expect(await matters.tick()).toMatchObject({
      overdue: 0,
      escalations: { BLUE: 0, ORANGE: 0, RED: 0 },
    });
    expect((await matters.ok(OFFICE_LEADER, REMINDERS, { id })).assignment).toMatchObject({
      overdue: true,
      escalationLevel: 'BLUE',
    });

    matters.clock.set(new Date(hoursFromStart(72 + 71)));
    expect((await matters.tick()).escalations.ORANGE).toBe(0);
    matters.clock.set(new Date(hoursFromStart(72 + 72)));
    expect((await matters.tick()).escalations).toEqual({ BLUE: 0, ORANGE: 1, RED: 0 });
    matters.clock.set(new Date(hoursFromStart(72 + 168)));
    expect((await matters.tick()).escalations).toEqual({ BLUE: 0, ORANGE: 0, RED: 1 });
    matters.clock.set(new Date(hoursFromStart(72 + 500)));
    expect((await matters.tick()).escalations).toEqual({ BLUE: 0, ORANGE: 0, RED: 0 });

    expect(await eventsOf(matters, id)).toEqual(['OVERDUE', 'BLUE', 'ORANGE', 'RED']);
    const [escalatedToRed] = (await matters.outboxEvents(EVENTS.escalated)).filter(
      (event) => event.subject === id && event.data['level'] === 'RED',
    );
    expect(escalatedToRed!.data).toMatchObject({
      escalatedAt: hoursFromStart(72 + 168),
      leadDivisionId: 'div-general-1',
    });

    const { assignment } = await matters.ok(OFFICE_LEADER, REMINDERS, { id });
    expect(assignment.escalationLevel).toBe('RED');
    expect(assignment.reminders.map((r: Data) => r.kind)).toEqual([
      'DEADLINE_APPROACHING',
      'ESCALATION',
      'ESCALATION',
      'ESCALATION',
    ]);
    expect(assignment.reminders[0].message).toBe(
      '【催办】“报送年度工作总结”将于2026年11月29日 09:00到期，请抓紧办理并按时报送结果。',
    );
    expect(assignment.reminders[3].message).toMatch(
      /^【红色督办】“报送年度工作总结”已超过办理时限/,
    );
  });

  it('climbs every rung in one tick for a matter found very late, announcing each', async () => {
    matters.clock.set(TEST_START);
    const { id } = await assign(matters, { deadline: hoursFromStart(1) });
    matters.clock.set(new Date(hoursFromStart(1 + 24 * 10)));
    expect((await matters.tick()).escalations).toMatchObject({ BLUE: 1, ORANGE: 1, RED: 1 });
    expect(await eventsOf(matters, id)).toEqual(['OVERDUE', 'BLUE', 'ORANGE', 'RED']);
    // Overdue since the deadline passed — not since the scan that noticed it ten days later.
    const { assignment } = await matters.ok<{ assignment: { overdueSince: string } }>(
      OFFICE_LEADER,
      'query ($id: ID!) { assignment(id: $id) { overdueSince } }',
      { id },
    );
    expect(assignment.overdueSince).toBe(hoursFromStart(1));
  });

  it('leaves alone a matter whose result came in before the deadline, and completed or cancelled ones', async () => {
    matters.clock.set(TEST_START);
    const submitted = await assign(matters, { deadline: hoursFromStart(10) });
    await step(matters, 'ACCEPT', submitted.id);
    await step(matters, 'SUBMIT_RESULT', submitted.id);
    const cancelled = await assign(matters, { deadline: hoursFromStart(10) });
    await step(matters, 'CANCEL', cancelled.id);
    matters.clock.set(new Date(hoursFromStart(24 * 30)));
    await matters.tick();
    expect(await eventsOf(matters, submitted.id)).toEqual([]);
    expect(await eventsOf(matters, cancelled.id)).toEqual([]);
  });

  it('reminds once when a scheduled progress report falls due', async () => {
    matters.clock.set(TEST_START);
    const { id } = await assign(matters, {
      deadline: hoursFromStart(24 * 60),
      reportFrequency: 'WEEKLY',
    });
    await step(matters, 'ACCEPT', id);
    matters.clock.set(new Date(hoursFromStart(24 * 7 + 1)));
    const reminded = await matters.tick();
    expect(reminded.reportReminders).toBeGreaterThanOrEqual(1);
    const reminders = await matters.models.reminders.find({ assignmentId: id }).lean();
    expect(reminders.map((r) => r.kind)).toEqual(['REPORT_DUE']);
    await matters.tick();
    expect(await matters.models.reminders.countDocuments({ assignmentId: id })).toBe(1);

    // A report answers it; the next one falls due a week later and is reminded of in its turn.
    await step(matters, 'REPORT_PROGRESS', id);
    matters.clock.set(new Date(hoursFromStart(24 * 14 + 1)));
    await matters.tick();
    expect(
      await matters.models.reminders.countDocuments({ assignmentId: id, kind: 'REPORT_DUE' }),
    ).toBe(2);
  });

  it('announces a scheduled progress report the day before it falls due, once per due date', async () => {
    matters.clock.set(TEST_START);
    const { id } = await assign(matters, {
      deadline: hoursFromStart(24 * 60),
      reportFrequency: 'WEEKLY',
    });
    await step(matters, 'ACCEPT', id);
    const dueSoon = async () =>
      (await matters.outboxEvents())
        .filter((event) => event.subject === id)
        .filter((event) => event.type === assignmentEvents.assignmentReportDueSoon.fullType)
        .map((event) => event.data);

    matters.clock.set(new Date(hoursFromStart(24 * 5)));
    await matters.tick();
    expect(await dueSoon()).toEqual([]);

    matters.clock.set(new Date(hoursFromStart(24 * 6 + 1)));
    expect((await matters.tick()).reportsDueSoon).toBe(1);
    await matters.tick();
    const announced = await dueSoon();
    expect(announced).toHaveLength(1);
    expect(announced[0]).toMatchObject({
      assignmentId: id,
      reportDueAt: hoursFromStart(24 * 7),
      detectedAt: hoursFromStart(24 * 6 + 1),
    });
  });

  it('lets the assigner side remind by hand (催办), nobody else, and only while the matter is open', async () => {
    matters.clock.set(TEST_START);
    const { id } = await assign(matters);
    const REMIND = `mutation($input: RemindAssignmentInput!) { remindAssignment(input: $input) { kind message sentBy { id } sentAt assignment { id } } }`;
    const { remindAssignment } = await matters.ok(OFFICE_LEADER, REMIND, {
      input: { id, message: '请于周五前报送初稿' },
    });
    expect(remindAssignment).toEqual({
      kind: 'MANUAL',
      message: '请于周五前报送初稿',
      sentBy: { id: OFFICE_LEADER },
      sentAt: TEST_START.toISOString(),
      assignment: { id },
    });
    const refused = await matters.as(HEAD, REMIND, { input: { id, message: '催一下' } });
    expect(refused.body.errors?.[0]).toMatchObject({
      message: '只有交办人或厅领导可以催办或设置汇报频次',
      extensions: { code: 'FORBIDDEN' },
    });
    await step(matters, 'CANCEL', id);
    const closed = await matters.as(OFFICE_LEADER, REMIND, { input: { id, message: '催一下' } });
    expect(closed.body.errors?.[0]).toMatchObject({
      message: '事项已结束，无需催办',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(await matters.models.reminders.countDocuments({ assignmentId: id })).toBe(1);
  });
});

describe('supervision with two replicas ticking at once', () => {
  let matters: Matters;

  beforeAll(async () => {
    matters = await startMatters({ replicas: 2 });
  });

  afterAll(async () => {
    await matters?.close();
  });

  it('sends every reminder and escalation exactly once between them: none twice, none missed', async () => {
    matters.clock.set(TEST_START);
    const now = new Date(hoursFromStart(300));
    // Late by 290h (RED), 150h (ORANGE), 2h (BLUE), and due within the reminder window.
    const groups = {
      RED: hoursFromStart(10),
      ORANGE: hoursFromStart(150),
      BLUE: hoursFromStart(298),
      SOON: hoursFromStart(320),
    };
    const ids: Record<keyof typeof groups, string[]> = { RED: [], ORANGE: [], BLUE: [], SOON: [] };
    for (const [group, deadline] of Object.entries(groups) as [keyof typeof groups, string][]) {
      for (let i = 0; i < 6; i++)
        ids[group].push((await assign(matters, { deadline, title: `${group} 事项 ${i}` })).id);
    }

    const [first, second] = matters.instances.map((instance) => instance.runtime.runtime);
    const summaries = [];
    for (let round = 0; round < 3; round++) {
      summaries.push(
        ...(await Promise.all([
          runSupervisionTick(first!, now, TEST_SUPERVISION),
          runSupervisionTick(second!, now, TEST_SUPERVISION),
        ])),
      );
    }

    const total = summaries.reduce(
      (sum, s) => ({
        deadlineReminders: sum.deadlineReminders + s.deadlineReminders,
        overdue: sum.overdue + s.overdue,
        BLUE: sum.BLUE + s.escalations.BLUE,
        ORANGE: sum.ORANGE + s.escalations.ORANGE,
        RED: sum.RED + s.escalations.RED,
      }),
      { deadlineReminders: 0, overdue: 0, BLUE: 0, ORANGE: 0, RED: 0 },
    );
    expect(total).toEqual({ deadlineReminders: 6, overdue: 18, BLUE: 18, ORANGE: 12, RED: 6 });

    const overdueEvents = await matters.outboxEvents(EVENTS.overdue);
    expect(overdueEvents).toHaveLength(18);
    expect(new Set(overdueEvents.map((e) => e.subject)).size).toBe(18);
    const levels = (await matters.outboxEvents(EVENTS.escalated)).map(
      (e) => `${e.subject}:${e.data['level']}`,
    );
    expect(levels).toHaveLength(36);
    expect(new Set(levels).size).toBe(36);

    for (const [level, group] of [
      ['RED', ids.RED],
      ['ORANGE', ids.ORANGE],
      ['BLUE', ids.BLUE],
    ] as const) {
      for (const id of group) {
        const matter = await matters.models.assignments.findById(id).lean();
        expect(matter!.escalationLevel).toBe(level);
      }
    }
    expect(await matters.models.reminders.countDocuments({ kind: 'DEADLINE_APPROACHING' })).toBe(6);
    expect(await matters.models.reminders.countDocuments({ kind: 'ESCALATION' })).toBe(36);
  });
});

describe('the supervision scheduler', () => {
  let matters: Matters;

  beforeAll(async () => {
    matters = await startMatters({ supervision: { ...TEST_SUPERVISION, schedulerIntervalMs: 20 } });
  });

  afterAll(async () => {
    await matters?.close();
  });

  it('runs the tick by itself, at the time the clock says', async () => {
    matters.clock.set(TEST_START);
    const { id } = await assign(matters, { deadline: hoursFromStart(2) });
    matters.clock.set(new Date(hoursFromStart(3)));
    await waitFor(
      async () =>
        (await matters.models.assignments.findById(id).lean())?.escalationLevel === 'BLUE',
      { timeoutMs: 10_000, description: 'the scheduler to escalate the late matter' },
    );
    expect(await eventsOf(matters, id)).toEqual(['OVERDUE', 'BLUE']);
  });
});
