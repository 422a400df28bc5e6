import { assignmentEvents } from '@heli/event-contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assign,
  CREATE,
  hoursFromStart,
  OFFICE_LEADER,
  startMatters,
  type Matters,
  type Data,
} from './matters-harness.js';
import { HEAD, RESPONSIBLE, step, takeStep, type Step } from './matter-steps.js';

let matters: Matters;

beforeAll(async () => {
  matters = await startMatters();
});

afterAll(async () => {
  await matters?.close();
});

/** The stored matter and the number of events recorded so far: what "nothing changed" compares. */
async function snapshot(id: string) {
  const matter = await matters.models.assignments.findById(id).lean();
  return { matter, events: (await matters.outboxEvents()).length };
}

describe('the lifecycle of an assigned matter', () => {
  it('goes assigned → accepted → in progress → result submitted → completed, recording who and when', async () => {
    matters.clock.set(new Date(hoursFromStart(0)));
    const created = await assign(matters, { reportFrequency: 'WEEKLY' });
    expect(created).toMatchObject({
      status: 'ASSIGNED',
      version: 1,
      source: 'LEADERSHIP',
      leadDivision: { id: 'div-general-1', name: '综合一处' },
      coDivisions: [{ id: 'div-research' }],
      responsibleStaff: [{ id: RESPONSIBLE, name: '宋志刚' }],
      nextReportDueAt: hoursFromStart(24 * 7),
    });

    matters.clock.advanceHours(1);
    const accepted = await step(matters, 'ACCEPT', created.id);
    expect(accepted).toMatchObject({ status: 'ACCEPTED', version: 2 });

    matters.clock.advanceHours(24);
    const first = await step(matters, 'REPORT_PROGRESS', created.id, {
      as: RESPONSIBLE,
      percent: 30,
    });
    expect(first).toMatchObject({ status: 'IN_PROGRESS', reportedPercent: 30, progress: 30 });
    // Each report answers the one due: the day-1 report answered day 7's, this one day 14's.
    matters.clock.advanceHours(24 * 6);
    const second = await step(matters, 'REPORT_PROGRESS', created.id, { percent: 80 });
    expect(second).toMatchObject({
      status: 'IN_PROGRESS',
      reportedPercent: 80,
      nextReportDueAt: hoursFromStart(24 * 21),
    });

    matters.clock.advanceHours(24);
    const submitted = await step(matters, 'SUBMIT_RESULT', created.id);
    expect(submitted).toMatchObject({
      status: 'RESULT_SUBMITTED',
      result: { text: '方案初稿已报送', submittedBy: { id: HEAD } },
    });

    matters.clock.advanceHours(2);
    const completed = await step(matters, 'COMPLETE', created.id);
    expect(completed).toMatchObject({
      status: 'COMPLETED',
      completedOnTime: true,
      progress: 100,
      version: 6,
      nextReportDueAt: null,
    });
    expect(completed.history.map((h: Data) => [h.action, h.from, h.to, h.by.id, h.at])).toEqual([
      ['ASSIGN', null, 'ASSIGNED', OFFICE_LEADER, hoursFromStart(0)],
      ['ACCEPT', 'ASSIGNED', 'ACCEPTED', HEAD, hoursFromStart(1)],
      ['REPORT_PROGRESS', 'ACCEPTED', 'IN_PROGRESS', RESPONSIBLE, hoursFromStart(25)],
      ['REPORT_PROGRESS', 'IN_PROGRESS', 'IN_PROGRESS', HEAD, hoursFromStart(169)],
      ['SUBMIT_RESULT', 'IN_PROGRESS', 'RESULT_SUBMITTED', HEAD, hoursFromStart(193)],
      ['COMPLETE', 'RESULT_SUBMITTED', 'COMPLETED', OFFICE_LEADER, hoursFromStart(195)],
    ]);

    const events = (await matters.outboxEvents()).filter((event) => event.subject === created.id);
    expect(events.map((event) => event.type)).toEqual([
      assignmentEvents.assignmentCreated.fullType,
      assignmentEvents.assignmentAccepted.fullType,
      assignmentEvents.assignmentProgressReported.fullType,
      assignmentEvents.assignmentProgressReported.fullType,
      assignmentEvents.assignmentResultSubmitted.fullType,
      assignmentEvents.assignmentCompleted.fullType,
    ]);
    expect(events[2]!.data).toMatchObject({
      percent: 30,
      onSchedule: true,
      actorStaffId: RESPONSIBLE,
    });
    expect(events[5]!.data).toMatchObject({
      onTime: true,
      leadDivisionId: 'div-general-1',
      completedAt: hoursFromStart(195),
    });

    const { leadershipBoard } = await matters.ok(
      OFFICE_LEADER,
      `{
      leadershipBoard(divisionIds: ["div-general-1"]) { rows { figures { open completedOnTime completedLate onTimeRate } } }
    }`,
    );
    expect(leadershipBoard.rows[0].figures).toEqual({
      open: 0,
      completedOnTime: 1,
      completedLate: 0,
      onTimeRate: 1,
    });
  });

  it('marks a matter whose result came after the deadline as completed late', async () => {
    matters.clock.set(new Date(hoursFromStart(0)));
    const created = await assign(matters, { deadline: hoursFromStart(48) });
    await step(matters, 'ACCEPT', created.id);
    matters.clock.advanceHours(49);
    await step(matters, 'SUBMIT_RESULT', created.id);
    const completed = await step(matters, 'COMPLETE', created.id);
    expect(completed.completedOnTime).toBe(false);
    const [event] = (await matters.outboxEvents(assignmentEvents.assignmentCompleted)).filter(
      (e) => e.subject === created.id,
    );
    expect(event!.data['onTime']).toBe(false);
  });

  it('returns a result for rework, which goes back into progress and can be submitted again', async () => {
    matters.clock.set(new Date(hoursFromStart(0)));
    const created = await assign(matters);
    await step(matters, 'ACCEPT', created.id);
    await step(matters, 'SUBMIT_RESULT', created.id);
    const returned = await step(matters, 'RETURN', created.id);
    expect(returned).toMatchObject({ status: 'RETURNED' });
    expect(returned.history.at(-1)).toMatchObject({ action: 'RETURN', note: '请补充测算依据' });
    const [event] = (await matters.outboxEvents(assignmentEvents.assignmentReturned)).filter(
      (e) => e.subject === created.id,
    );
    expect(event!.data).toMatchObject({ reason: '请补充测算依据', actorStaffId: OFFICE_LEADER });

    expect((await step(matters, 'REPORT_PROGRESS', created.id)).status).toBe('IN_PROGRESS');
    expect((await step(matters, 'SUBMIT_RESULT', created.id)).status).toBe('RESULT_SUBMITTED');
  });

  it('cancels an open matter with its reason, and every sub-matter still under way with it', async () => {
    const created = await assign(matters);
    await step(matters, 'ACCEPT', created.id);
    const sub = await matters.ok(HEAD, SPLIT, {
      input: {
        parentId: created.id,
        leadDivisionId: 'div-research',
        title: '提供调研数据',
        deadline: hoursFromStart(24 * 5),
      },
    });
    const cancelled = await step(matters, 'CANCEL', created.id);
    expect(cancelled).toMatchObject({ status: 'CANCELLED', availableActions: [] });
    const child = await matters.models.assignments.findById(sub.createSubAssignment.id).lean();
    expect(child).toMatchObject({ status: 'CANCELLED' });
    expect(child!.history.at(-1)!.note).toBe('主事项已撤销：工作安排调整');
    const cancelledEvents = (await matters.outboxEvents(assignmentEvents.assignmentCancelled)).map(
      (e) => e.subject,
    );
    expect(cancelledEvents).toEqual(
      expect.arrayContaining([created.id, sub.createSubAssignment.id]),
    );
  });
});

const SPLIT = `mutation Split($input: CreateSubAssignmentInput!) {
  createSubAssignment(input: $input) { id status leadDivision { id } classification parent { id } }
}`;

describe('illegal transitions', () => {
  /** The steps that bring a new matter to each status. */
  const PATHS: Record<string, Step[]> = {
    ASSIGNED: [],
    ACCEPTED: ['ACCEPT'],
    IN_PROGRESS: ['ACCEPT', 'REPORT_PROGRESS'],
    RESULT_SUBMITTED: ['ACCEPT', 'SUBMIT_RESULT'],
    RETURNED: ['ACCEPT', 'SUBMIT_RESULT', 'RETURN'],
    COMPLETED: ['ACCEPT', 'SUBMIT_RESULT', 'COMPLETE'],
    CANCELLED: ['CANCEL'],
  };
  const ILLEGAL: Array<[string, Step]> = [
    ['ASSIGNED', 'REPORT_PROGRESS'],
    ['ASSIGNED', 'SUBMIT_RESULT'],
    ['ASSIGNED', 'COMPLETE'],
    ['ASSIGNED', 'RETURN'],
    ['ACCEPTED', 'ACCEPT'],
    ['ACCEPTED', 'COMPLETE'],
    ['ACCEPTED', 'RETURN'],
    ['IN_PROGRESS', 'ACCEPT'],
    ['IN_PROGRESS', 'COMPLETE'],
    ['IN_PROGRESS', 'RETURN'],
    ['RESULT_SUBMITTED', 'ACCEPT'],
    ['RESULT_SUBMITTED', 'REPORT_PROGRESS'],
    ['RESULT_SUBMITTED', 'SUBMIT_RESULT'],
    ['RETURNED', 'ACCEPT'],
    ['RETURNED', 'COMPLETE'],
    ['RETURNED', 'RETURN'],
    ['COMPLETED', 'ACCEPT'],
    ['COMPLETED', 'REPORT_PROGRESS'],
    ['COMPLETED', 'SUBMIT_RESULT'],
    ['COMPLETED', 'COMPLETE'],
    ['COMPLETED', 'RETURN'],
    ['COMPLETED', 'CANCEL'],
    ['CANCELLED', 'ACCEPT'],
    ['CANCELLED', 'REPORT_PROGRESS'],
    ['CANCELLED', 'SUBMIT_RESULT'],
    ['CANCELLED', 'COMPLETE'],
    ['CANCELLED', 'RETURN'],
    ['CANCELLED', 'CANCEL'],
  ];
  const matterIn: Record<string, string> = {};

  beforeAll(async () => {
    matters.clock.set(new Date(hoursFromStart(0)));
    for (const [status, path] of Object.entries(PATHS)) {
      const { id } = await assign(matters);
      for (const s of path) await step(matters, s, id);
      matterIn[status] = id;
    }
  });

  it.each(ILLEGAL)(
    'refuses %s → %s with a clear BAD_USER_INPUT and changes nothing',
    async (status, s) => {
      const id = matterIn[status]!;
      const before = await snapshot(id);
      expect(before.matter!.status).toBe(status);
      const { body } = await takeStep(matters, s, id);
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0]?.message).toMatch(/^事项当前状态为“.+”，不能.+/);
      expect(await snapshot(id)).toEqual(before);
    },
  );

  it('names what is possible instead', async () => {
    const { body } = await takeStep(matters, 'COMPLETE', matterIn['IN_PROGRESS']!);
    expect(body.errors?.[0]?.message).toBe(
      '事项当前状态为“办理中”，不能确认办结；此时只能“汇报进展”、“报送办理结果”、“撤销”',
    );
  });

  it('refuses a step by the wrong side with FORBIDDEN and changes nothing', async () => {
    const id = matterIn['ASSIGNED']!;
    const before = await snapshot(id);
    const attempts = [
      await takeStep(matters, 'ACCEPT', id, { as: OFFICE_LEADER }),
      await takeStep(matters, 'ACCEPT', id, { as: 'staff-general-1-2' }),
      await takeStep(matters, 'CANCEL', id, { as: HEAD }),
    ];
    for (const { body } of attempts) expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(attempts[0]!.body.errors?.[0]?.message).toBe('只有主办处室负责人或责任人可以签收');
    expect(await snapshot(id)).toEqual(before);
  });

  it('refuses a report without text or with a percent out of range, changing nothing', async () => {
    const id = matterIn['IN_PROGRESS']!;
    const before = await snapshot(id);
    const { body } = await takeStep(matters, 'REPORT_PROGRESS', id, { text: ' ', percent: 120 });
    expect(body.errors?.[0]).toMatchObject({
      message: '汇报内容不能为空；完成进度应为 0 到 100 的整数，收到 120',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(await snapshot(id)).toEqual(before);
  });
});

describe('concurrent transitions', () => {
  it('lets exactly one of two simultaneous acceptances win', async () => {
    const { id } = await assign(matters);
    const results = await Promise.all([
      takeStep(matters, 'ACCEPT', id, { as: HEAD }),
      takeStep(matters, 'ACCEPT', id, { as: RESPONSIBLE }),
    ]);
    const failures = results.filter(({ body }) => body.errors);
    expect(failures).toHaveLength(1);
    expect(['CONFLICT', 'BAD_USER_INPUT']).toContain(
      failures[0]!.body.errors![0]!.extensions!.code,
    );
    const stored = await matters.models.assignments.findById(id).lean();
    expect(stored!.history.filter((h) => h.action === 'ACCEPT')).toHaveLength(1);
    expect(stored!.version).toBe(2);
    const accepted = (await matters.outboxEvents(assignmentEvents.assignmentAccepted)).filter(
      (e) => e.subject === id,
    );
    expect(accepted).toHaveLength(1);
  });

  it('refuses a step against a version the caller no longer sees with CONFLICT', async () => {
    const { id } = await assign(matters);
    await step(matters, 'ACCEPT', id);
    const before = await snapshot(id);
    const { body } = await takeStep(matters, 'REPORT_PROGRESS', id, { expectedVersion: 1 });
    expect(body.errors?.[0]).toMatchObject({
      message: '事项已被他人更新（当前版本 2，你看到的是版本 1），请刷新后重试',
      extensions: { code: 'CONFLICT' },
    });
    expect(await snapshot(id)).toEqual(before);
    expect((await step(matters, 'REPORT_PROGRESS', id, { expectedVersion: 2 })).version).toBe(3);
  });
});

describe('sub-matters for co-organisers', () => {
  it("rolls the parent's progress up from its sub-matters and holds its result until they finish", async () => {
    matters.clock.set(new Date(hoursFromStart(0)));
    const parent = await assign(matters, { classification: 'CONFIDENTIAL' });
    await step(matters, 'ACCEPT', parent.id);
    const { createSubAssignment: sub } = await matters.ok(HEAD, SPLIT, {
      input: {
        parentId: parent.id,
        leadDivisionId: 'div-research',
        title: '提供调研数据',
        deadline: hoursFromStart(24 * 5),
      },
    });
    expect(sub).toMatchObject({
      status: 'ASSIGNED',
      leadDivision: { id: 'div-research' },
      classification: 'CONFIDENTIAL',
      parent: { id: parent.id },
    });

    await step(matters, 'REPORT_PROGRESS', parent.id, { percent: 60 });
    await step(matters, 'ACCEPT', sub.id, { as: 'staff-research-head' });
    await step(matters, 'REPORT_PROGRESS', sub.id, { as: 'staff-research-head', percent: 20 });
    const progress = async () =>
      (
        await matters.ok(
          OFFICE_LEADER,
          `query($id: ID!) { assignment(id: $id) { progress subAssignments { id progress } } }`,
          { id: parent.id },
        )
      ).assignment;
    expect(await progress()).toEqual({
      progress: 40,
      subAssignments: [{ id: sub.id, progress: 20 }],
    });

    const blocked = await takeStep(matters, 'SUBMIT_RESULT', parent.id);
    expect(blocked.body.errors?.[0]?.message).toBe('还有 1 项协办子事项未办结，不能报送办理结果');
    // … and so it is not offered while the sub-matter is open, only once it is finished.
    const offered = async () =>
      (
        await matters.ok(HEAD, `query($id: ID!) { assignment(id: $id) { availableActions } }`, {
          id: parent.id,
        })
      ).assignment.availableActions;
    expect(await offered()).toEqual(['REPORT_PROGRESS']);

    await step(matters, 'SUBMIT_RESULT', sub.id, { as: 'staff-research-head' });
    await step(matters, 'COMPLETE', sub.id, { as: HEAD });
    expect((await progress()).progress).toBe(80);
    expect(await offered()).toEqual(['REPORT_PROGRESS', 'SUBMIT_RESULT']);
    expect((await step(matters, 'SUBMIT_RESULT', parent.id)).status).toBe('RESULT_SUBMITTED');
  });

  it('refuses a sub-matter for a division that is not a co-organiser, or due after the parent', async () => {
    const parent = await assign(matters);
    await step(matters, 'ACCEPT', parent.id);
    const { body } = await matters.as(HEAD, SPLIT, {
      input: {
        parentId: parent.id,
        leadDivisionId: 'div-legal',
        title: '审核',
        deadline: hoursFromStart(24 * 30),
      },
    });
    expect(body.errors?.[0]).toMatchObject({
      message: '子事项只能交给本事项的协办处室；子事项的时限不能晚于主事项',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});

describe('creating a matter', () => {
  it('refuses anyone but office leadership', async () => {
    const { body } = await matters.as(
      HEAD,
      `mutation { createAssignment(input: { title: "x", leadDivisionId: "div-legal", deadline: "2030-01-01T00:00:00Z" }) { id } }`,
    );
    expect(body.errors?.[0]).toMatchObject({
      message: '只有厅领导可以交办事项',
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it('names every problem with the input at once and creates nothing', async () => {
    const before = await matters.models.assignments.countDocuments();
    const { body } = await matters.as(
      OFFICE_LEADER,
      `mutation($input: CreateAssignmentInput!) { createAssignment(input: $input) { id } }`,
      {
        input: {
          title: '',
          leadDivisionId: 'div-nowhere',
          responsibleStaffIds: ['staff-legal-1'],
          deadline: hoursFromStart(-1),
        },
      },
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toBe('事项标题不能为空；办理时限必须晚于当前时间');
    expect(await matters.models.assignments.countDocuments()).toBe(before);
  });

  it('refuses responsible staff from outside the lead and co-organising divisions', async () => {
    const { body } = await matters.as(
      OFFICE_LEADER,
      `mutation($input: CreateAssignmentInput!) { createAssignment(input: $input) { id } }`,
      {
        input: {
          title: '审核文件',
          leadDivisionId: 'div-general-1',
          responsibleStaffIds: ['staff-legal-1'],
          deadline: hoursFromStart(48),
        },
      },
    );
    expect(body.errors?.[0]?.message).toBe('夏俊杰不在主办或协办处室，不能作为责任人');
  });

  it('refuses to assign by hand what only an instruction or a meeting decision creates', async () => {
    const { body } = await matters.as(OFFICE_LEADER, CREATE, {
      input: {
        title: '落实批示',
        source: 'INSTRUCTION',
        leadDivisionId: 'div-legal',
        deadline: hoursFromStart(48),
      },
    });
    expect(body.errors?.[0]).toMatchObject({
      message: '领导批示和会议议定事项由批示、会议记录自动生成，不能直接交办',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('refuses a deadline without a time zone', async () => {
    const { body } = await matters.as(
      OFFICE_LEADER,
      `mutation { createAssignment(input: { title: "x", leadDivisionId: "div-legal", deadline: "2030-01-01T00:00:00" }) { id } }`,
    );
    expect(body.errors?.[0]?.message).toMatch(/时间格式不正确/);
  });
});
