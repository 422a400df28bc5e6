import { assignmentEvents } from '@heli/event-contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDifficulties, demoDuties, demoMatters } from '../src/demo/demo-matters.js';
import { loadDemoMatters } from '../src/demo/load-demo-matters.js';
import { runSupervisionTick } from '../src/supervision/supervision-tick.js';
import {
  OFFICE_LEADER,
  startMatters,
  TEST_SUPERVISION,
  type Matters,
  type Data,
} from './matters-harness.js';

let matters: Matters;

beforeAll(async () => {
  matters = await startMatters();
});

afterAll(async () => {
  await matters?.close();
});

const DEFINE = `mutation($input: DefineDutyInput!) { defineDuty(input: $input) { id role description standard division { id } } }`;

describe('duties', () => {
  it("lets a division head define their division's duty with a measurable standard", async () => {
    const { defineDuty } = await matters.ok('staff-legal-head', DEFINE, {
      input: {
        divisionId: 'div-legal',
        role: 'PRACTITIONER',
        description: '对拟出台的政务资源整合制度进行合法性审核',
        standard: '收件后5个工作日内出具审核意见',
      },
    });
    expect(defineDuty).toMatchObject({
      role: 'PRACTITIONER',
      division: { id: 'div-legal' },
      standard: '收件后5个工作日内出具审核意见',
    });
    const { updateDuty } = await matters.ok(
      'staff-legal-head',
      `mutation($input: UpdateDutyInput!) { updateDuty(input: $input) { standard role } }`,
      {
        input: { id: defineDuty.id, standard: '收件后3个工作日内出具审核意见' },
      },
    );
    expect(updateDuty).toEqual({ standard: '收件后3个工作日内出具审核意见', role: 'PRACTITIONER' });
  });

  it("refuses another division's head, and a duty without a standard", async () => {
    const other = await matters.as('staff-research-head', DEFINE, {
      input: { divisionId: 'div-legal', role: 'DESIGNER', description: '设计', standard: '标准' },
    });
    expect(other.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const empty = await matters.as('staff-legal-head', DEFINE, {
      input: { divisionId: 'div-legal', role: 'DESIGNER', description: '设计制度', standard: '' },
    });
    expect(empty.body.errors?.[0]).toMatchObject({
      message: '衡量标准不能为空',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it("shows every division's duties to coordination-body members and leadership, others only their own", async () => {
    await matters.ok('staff-research-head', DEFINE, {
      input: {
        divisionId: 'div-research',
        role: 'PROMOTER',
        description: '推动调研成果转化',
        standard: '每季度推动2项成果转化',
      },
    });
    const seen = async (viewer: string) =>
      (await matters.ok(viewer, `{ duties { edges { node { division { id } } } } }`)).duties.edges
        .map((e: Data) => e.node.division.id)
        .sort();
    expect(await seen(OFFICE_LEADER)).toEqual(['div-legal', 'div-research']);
    expect(await seen('staff-legal-head')).toEqual(['div-legal', 'div-research']); // a coordination-body member
    expect(await seen('staff-legal-1')).toEqual(['div-legal']);
    expect(await seen('staff-daoli-liaison')).toEqual([]);
    const { division } = await matters.ok(
      'staff-legal-1',
      `{ division(id: "div-research") { duties { id } } }`,
    );
    expect(division.duties).toEqual([]);
  });
});

describe('the demo matters', () => {
  it('load every state, reports, reminders and difficulties once, and the first tick escalates the late ones', async () => {
    const now = matters.clock.now();
    expect(await loadDemoMatters(matters.runtime, now)).toEqual({
      duties: demoDuties.length,
      matters: demoMatters.length,
      difficulties: demoDifficulties.length,
    });
    const statuses = new Set(
      (await matters.models.assignments.find({ _id: /^assignment-demo-/ }).lean()).map(
        (m) => m.status,
      ),
    );
    expect([...statuses].sort()).toEqual([
      'ACCEPTED',
      'ASSIGNED',
      'CANCELLED',
      'COMPLETED',
      'IN_PROGRESS',
      'RESULT_SUBMITTED',
      'RETURNED',
    ]);
    expect(
      await matters.models.progressReports.countDocuments({ assignmentId: /^assignment-demo-/ }),
    ).toBe(8);

    const summary = await runSupervisionTick(matters.runtime, now, TEST_SUPERVISION);
    expect(summary.escalations).toEqual({ BLUE: 3, ORANGE: 2, RED: 1 });
    const red = await matters.models.assignments
      .findById('assignment-demo-confidential-check')
      .lean();
    expect(red).toMatchObject({ escalationLevel: 'RED', classification: 'SECRET' });

    const eventsBefore = (await matters.outboxEvents()).length;
    expect(await loadDemoMatters(matters.runtime, now)).toEqual({
      duties: 0,
      matters: 0,
      difficulties: 0,
    });
    expect((await matters.outboxEvents()).length).toBe(eventsBefore);

    const { leadershipBoard } = await matters.ok(
      'staff-director',
      `{ leadershipBoard { totals { completedOnTime completedLate overdue } } }`,
    );
    expect(leadershipBoard.totals).toMatchObject({
      completedOnTime: 1,
      completedLate: 1,
      overdue: 3,
    });
    const instruction = (await matters.outboxEvents(assignmentEvents.assignmentCreated)).find(
      (e) => e.data['sourceRef'] === 'instruction-demo-001',
    );
    expect(instruction!.data).toMatchObject({
      source: 'INSTRUCTION',
      assignedByStaffId: 'staff-party-secretary',
    });
  });
});
