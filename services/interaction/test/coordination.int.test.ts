import {
  coordinationEvents,
  createEnvelope,
  natsSubject,
  responsibilityEvents,
} from '@heli/event-contracts';
import { graphql, outboxEvents, tokenFor, waitFor } from '@heli/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIRECTOR, startInteraction, type Data, type Interaction } from './interaction-harness.js';

let interaction: Interaction;

// The propaganda department's office director, as responsibility would announce them.
const LIAISON = 'staff-propaganda-liaison';

beforeAll(async () => {
  interaction = await startInteraction();
  await interaction.models.directoryStaff.create({
    _id: LIAISON,
    officeId: 'office-propaganda',
    divisionId: null,
    name: '邵立新',
    clearance: 'CONFIDENTIAL',
    active: true,
  });
});

afterAll(async () => {
  await interaction?.close();
});

async function asLiaison(query: string, variables: Record<string, unknown>): Promise<Data> {
  const token = await tokenFor({
    sub: LIAISON,
    name: '邵立新',
    divisionId: null,
    officeId: 'office-propaganda',
    roles: ['LIAISON'],
    clearance: 'CONFIDENTIAL',
  });
  return (await graphql(interaction.subgraph.url, query, variables, { token })).body;
}

const ADD_ITEM = `mutation ($input: KeyWorkItemInput!) { addKeyWorkItem(input: $input) { id month title office { id } } }`;
const SCHEDULE = `mutation ($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id partnerOffices { id } } }`;
const AGREE = `mutation ($meetingId: ID!, $input: PartnerTaskInput!) {
  agreePartnerTask(meetingId: $meetingId, input: $input) { id status lead { id } partnerOffice { id } keyWorkItem { id } } }`;
const REPORT = `mutation ($taskId: ID!, $note: String!, $completed: Boolean!) {
  reportPartnerTaskProgress(taskId: $taskId, note: $note, completed: $completed) { id status progress { note by { id } } completedAt } }`;

describe('horizontal coordination (横向协作)', () => {
  it('agrees a task with a partner office at a 横向协调会, led by its liaison, linked to the month’s key work', async () => {
    const { ok, as, models, clock, subgraph } = interaction;

    // 统筹安排: the propaganda department's key work for December, and the office's own.
    const item: Data = (
      await ok(DIRECTOR, ADD_ITEM, {
        input: {
          month: '2026-12',
          title: '冰雪季对外宣传统筹',
          description: '宣传部牵头，办公厅协调各处室配合',
          officeId: 'office-propaganda',
        },
      })
    ).addKeyWorkItem;
    expect(item).toMatchObject({ month: '2026-12', office: { id: 'office-propaganda' } });
    await ok(DIRECTOR, ADD_ITEM, { input: { month: '2027-01', title: '全市两会服务保障' } });

    // Bad input is refused and changes nothing.
    const itemsBefore = await models.keyWorkItems.countDocuments();
    const external = await as(DIRECTOR, ADD_ITEM, {
      input: { month: '2026-12', title: '人大视察', officeId: 'office-npc' },
    });
    expect(external.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(external.errors[0].message).toContain('office-npc 不是已知的常委所在部门办公室');
    const badMonth = await as(DIRECTOR, ADD_ITEM, { input: { month: '2026-12-01', title: 'x' } });
    expect(badMonth.errors[0].message).toContain('月份须为“年-月”格式');
    const notLeader = await as('staff-general-1-head', ADD_ITEM, {
      input: { month: '2026-12', title: '处里的安排' },
    });
    expect(notLeader.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(await models.keyWorkItems.countDocuments()).toBe(itemsBefore);

    // A 横向协调会 needs a partner office; a 议政会 takes none.
    const meetingInput = {
      kind: 'COORDINATION',
      title: '2026年第四季度横向协调会',
      startsAt: '2026-11-30T09:00:00+08:00',
      chairStaffId: 'staff-executive-deputy',
      attendingDivisionIds: ['div-general-1'],
      attendeeStaffIds: [LIAISON],
      organiserDivisionId: 'div-general-1',
      keyWorkItemIds: [item.id],
    };
    const noPartner = await as(DIRECTOR, SCHEDULE, { input: meetingInput });
    expect(noPartner.errors[0].message).toContain('横向协调会须至少邀请一个常委所在部门办公室');
    const notPartner = await as(DIRECTOR, SCHEDULE, {
      input: { ...meetingInput, partnerOfficeIds: ['office-daoli'] },
    });
    expect(notPartner.errors[0].message).toContain('office-daoli 不是已知的常委所在部门办公室');
    const meetingsBefore = await models.meetings.countDocuments();
    const meeting: Data = (
      await ok(DIRECTOR, SCHEDULE, {
        input: { ...meetingInput, partnerOfficeIds: ['office-propaganda'] },
      })
    ).scheduleMeeting;
    expect(await models.meetings.countDocuments()).toBe(meetingsBefore + 1);
    expect(meeting.partnerOffices).toEqual([{ id: 'office-propaganda' }]);

    clock.set('2026-11-30T10:00:00+08:00');
    const task = {
      title: '联合策划冰雪季宣传活动',
      requirements: '12月15日前拿出方案',
      partnerOfficeId: 'office-propaganda',
      leadStaffId: LIAISON,
      coDivisionIds: ['div-information'],
      deadline: '2026-12-15T17:30:00+08:00',
      keyWorkItemId: item.id,
    };
    // The lead must be of the partner office, the office must be at the meeting, the deadline ahead.
    const refusals = await Promise.all([
      as(DIRECTOR, AGREE, {
        meetingId: meeting.id,
        input: { ...task, leadStaffId: 'staff-general-1-head' },
      }),
      as(DIRECTOR, AGREE, {
        meetingId: meeting.id,
        input: { ...task, partnerOfficeId: 'office-organisation' },
      }),
      as(DIRECTOR, AGREE, {
        meetingId: meeting.id,
        input: { ...task, deadline: '2026-11-01T17:30:00+08:00' },
      }),
      as(DIRECTOR, AGREE, {
        meetingId: meeting.id,
        input: { ...task, coDivisionIds: ['div-nowhere'] },
      }),
    ]);
    expect(refusals.map((r) => r.errors[0].message)).toEqual([
      expect.stringContaining('牵头人须为该协作单位的联络人'),
      expect.stringContaining('office-organisation 不是本次协调会的协作单位'),
      expect.stringContaining('完成时限不能早于现在'),
      expect.stringContaining('未知的处室：div-nowhere'),
    ]);
    expect(await models.partnerTasks.countDocuments()).toBe(0);

    const agreed: Data = (await ok(DIRECTOR, AGREE, { meetingId: meeting.id, input: task }))
      .agreePartnerTask;
    expect(agreed).toMatchObject({
      status: 'AGREED',
      lead: { id: LIAISON },
      partnerOffice: { id: 'office-propaganda' },
      keyWorkItem: { id: item.id },
    });
    const [event] = await outboxEvents(subgraph.conn, coordinationEvents.partnerTaskAgreed);
    expect(event!.data).toMatchObject({ taskId: agreed.id, leadStaffId: LIAISON });

    // The partner's liaison reports progress and completes it; a second completion is refused.
    clock.set('2026-12-10T10:00:00+08:00');
    const progress = await asLiaison(REPORT, {
      taskId: agreed.id,
      note: '方案初稿已完成',
      completed: false,
    });
    expect(progress.data.reportPartnerTaskProgress.status).toBe('IN_PROGRESS');
    const done = await asLiaison(REPORT, {
      taskId: agreed.id,
      note: '方案已定稿并印发',
      completed: true,
    });
    expect(done.data.reportPartnerTaskProgress).toMatchObject({
      status: 'COMPLETED',
      progress: [
        { note: '方案初稿已完成', by: { id: LIAISON } },
        { note: '方案已定稿并印发', by: { id: LIAISON } },
      ],
    });
    const again = await asLiaison(REPORT, { taskId: agreed.id, note: '补充', completed: true });
    expect(again.errors[0].extensions.code).toBe('CONFLICT');
    const [completed] = await outboxEvents(subgraph.conn, coordinationEvents.partnerTaskCompleted);
    expect(completed!.data).toMatchObject({ taskId: agreed.id, onTime: true });

    // A division with nothing to do with it does not see the task, as if it did not exist.
    const outsider = await as('staff-legal-2', `query ($id: ID!) { partnerTask(id: $id) { id } }`, {
      id: agreed.id,
    });
    expect(outsider.data.partnerTask).toBeNull();

    // The overall arrangement: December's key work with its meeting and task; January's own item.
    const arrangement: Data = await ok(
      DIRECTOR,
      `{ overallArrangement(from: "2026-12", to: "2027-01") { month items { title office { id }
          meetings { id } partnerTasks { id status } } } }`,
    );
    expect(arrangement.overallArrangement).toEqual([
      {
        month: '2026-12',
        items: [
          {
            title: '冰雪季对外宣传统筹',
            office: { id: 'office-propaganda' },
            meetings: [{ id: meeting.id }],
            partnerTasks: [{ id: agreed.id, status: 'COMPLETED' }],
          },
        ],
      },
      {
        month: '2027-01',
        items: [{ title: '全市两会服务保障', office: null, meetings: [], partnerTasks: [] }],
      },
    ]);
    const backwards = await as(
      DIRECTOR,
      `{ overallArrangement(from: "2027-01", to: "2026-12") { month } }`,
    );
    expect(backwards.errors[0].message).toBe('截止月份不能早于起始月份');

    // The partner office's tasks, and the meeting's, through the graph.
    const office: Data = await ok(
      DIRECTOR,
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Office {
         partnerTasks { totalCount edges { node { id title } } } } } }`,
      { reps: [{ __typename: 'Office', id: 'office-propaganda' }] },
    );
    expect(office._entities[0].partnerTasks).toEqual({
      totalCount: 1,
      edges: [{ node: { id: agreed.id, title: '联合策划冰雪季宣传活动' } }],
    });
    const withTasks: Data = await ok(
      DIRECTOR,
      `query ($id: ID!) { meeting(id: $id) { keyWorkItems { id } partnerTasks { id } } }`,
      { id: meeting.id },
    );
    expect(withTasks.meeting).toEqual({
      keyWorkItems: [{ id: item.id }],
      partnerTasks: [{ id: agreed.id }],
    });
  });

  it('agrees no task at a closed meeting or one that is not a 横向协调会', async () => {
    const { ok, as, models, clock } = interaction;
    clock.set('2026-12-14T09:00:00+08:00');
    const deliberation: Data = (
      await ok(DIRECTOR, SCHEDULE, {
        input: {
          kind: 'DELIBERATION',
          title: '议政会',
          startsAt: '2026-12-14T10:00:00+08:00',
          chairStaffId: DIRECTOR,
          attendingDivisionIds: ['div-general-1'],
          organiserDivisionId: 'div-general-1',
        },
      })
    ).scheduleMeeting;
    const before = await models.partnerTasks.countDocuments();
    const refused = await as(DIRECTOR, AGREE, {
      meetingId: deliberation.id,
      input: {
        title: '协作',
        partnerOfficeId: 'office-propaganda',
        leadStaffId: LIAISON,
        deadline: '2026-12-30T17:30:00+08:00',
      },
    });
    expect(refused.errors[0].message).toContain('只有横向协调会可以议定协作事项');

    const coordination: Data = (
      await ok(DIRECTOR, SCHEDULE, {
        input: {
          kind: 'COORDINATION',
          title: '横向协调会（临时）',
          startsAt: '2026-12-14T10:00:00+08:00',
          chairStaffId: DIRECTOR,
          attendeeStaffIds: [LIAISON],
          partnerOfficeIds: ['office-propaganda'],
          organiserDivisionId: 'div-general-1',
        },
      })
    ).scheduleMeeting;
    clock.set('2026-12-14T11:00:00+08:00');
    await ok(
      DIRECTOR,
      `mutation ($id: ID!) { closeMeeting(meetingId: $id, minutes: "纪要") { id } }`,
      {
        id: coordination.id,
      },
    );
    const afterClose = await as(DIRECTOR, AGREE, {
      meetingId: coordination.id,
      input: {
        title: '协作',
        partnerOfficeId: 'office-propaganda',
        leadStaffId: LIAISON,
        deadline: '2026-12-30T17:30:00+08:00',
      },
    });
    expect(afterClose.errors[0].extensions.code).toBe('CONFLICT');
    expect(await models.partnerTasks.countDocuments()).toBe(before);
  });

  it('knows offices from responsibility’s events, once however often they arrive', async () => {
    const { nc, namespace, models } = interaction;
    const js = nc.jetstream();
    const created = createEnvelope(
      responsibilityEvents.officeCreated,
      {
        officeId: 'office-agriculture',
        name: '中共哈尔滨市委农村工作领导小组办公室',
        kind: 'EXTERNAL',
      },
      { source: 'responsibility', subject: 'office-agriculture' },
    );
    const updated = createEnvelope(
      responsibilityEvents.officeUpdated,
      {
        officeId: 'office-agriculture',
        name: '中共哈尔滨市委农村工作领导小组办公室',
        kind: 'PARTNER',
        changedFields: ['kind'],
      },
      { source: 'responsibility', subject: 'office-agriculture' },
    );
    for (const event of [created, updated]) {
      const subject = natsSubject(
        namespace,
        event.type.endsWith('created')
          ? responsibilityEvents.officeCreated
          : responsibilityEvents.officeUpdated,
      );
      await js.publish(subject, JSON.stringify(event), { msgID: event.id });
      // Redelivered: the record converges all the same.
      await js.publish(subject, JSON.stringify(event));
    }
    await waitFor(
      async () =>
        (await models.knownOffices.findById('office-agriculture').lean())?.kind === 'PARTNER',
      { timeoutMs: 30_000, description: 'the office to be known as a partner' },
    );
    expect(await models.knownOffices.countDocuments({ _id: 'office-agriculture' })).toBe(1);
  });
});
