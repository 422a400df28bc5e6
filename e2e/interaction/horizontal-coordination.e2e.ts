import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeliClaims } from '@heli/auth';
import { claimsForStaff } from '@heli/demo-data';
import { ManualClock } from '@heli/interaction';
import { waitFor } from '@heli/testkit';
import { interactionPart, responsibilityPart } from '../harness/service-parts.js';
import { startStack, type Stack } from '../harness/stack.js';

const director = claimsForStaff('staff-director');
const admin = claimsForStaff('staff-information-admin');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are asserted by shape
type Data = any;

describe('a 横向协调会 with a partner office, through the gateway', () => {
  let stack: Stack;
  const clock = new ManualClock(new Date());
  const later = (hours: number) =>
    new Date(clock.now().getTime() + hours * 3_600_000).toISOString();
  const month = (offsetMonths: number) => {
    const at = new Date(clock.now().getTime() + offsetMonths * 31 * 86_400_000);
    return at.toISOString().slice(0, 7);
  };

  beforeAll(async () => {
    stack = await startStack([responsibilityPart(), interactionPart({ clock })]);
  });

  afterAll(async () => {
    await stack?.close();
  });

  const run = (viewer: Partial<HeliClaims>, query: string, variables?: Record<string, unknown>) =>
    stack.data<Data>(viewer, query, variables);

  it('agrees a task led by the partner’s liaison, tracks it to done, and shows it on the office and the month’s arrangement', async () => {
    // Responsibility registers the propaganda department office's director; interaction learns
    // of them from its events.
    const { createStaff } = await run(
      admin,
      `mutation ($input: CreateStaffInput!) { createStaff(input: $input) { id } }`,
      {
        input: {
          name: '邵立新',
          title: '市委宣传部办公室主任',
          officeId: 'office-propaganda',
          roles: ['LIAISON'],
          clearance: 'CONFIDENTIAL',
        },
      },
    );
    const liaison: Partial<HeliClaims> = {
      sub: createStaff.id,
      name: '邵立新',
      divisionId: null,
      officeId: 'office-propaganda',
      roles: ['LIAISON'],
      clearance: 'CONFIDENTIAL',
    };

    const { addKeyWorkItem } = await run(
      director,
      `mutation ($input: KeyWorkItemInput!) { addKeyWorkItem(input: $input) { id } }`,
      {
        input: {
          month: month(0),
          title: '冰雪季对外宣传统筹',
          officeId: 'office-propaganda',
        },
      },
    );

    const meeting = await waitFor(
      async () => {
        const answer = await stack.query(
          `mutation ($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`,
          {
            input: {
              kind: 'COORDINATION',
              title: '横向协调会',
              startsAt: later(1),
              chairStaffId: 'staff-executive-deputy',
              attendeeStaffIds: [createStaff.id],
              attendingDivisionIds: ['div-general-1'],
              organiserDivisionId: 'div-general-1',
              partnerOfficeIds: ['office-propaganda'],
              keyWorkItemIds: [addKeyWorkItem.id],
            },
          },
          director,
        );
        return answer.body.errors ? null : (answer.body.data as Data).scheduleMeeting;
      },
      { timeoutMs: 30_000, description: 'the new liaison to reach interaction’s directory' },
    );

    const { agreePartnerTask } = await run(
      director,
      `mutation ($meetingId: ID!, $input: PartnerTaskInput!) {
         agreePartnerTask(meetingId: $meetingId, input: $input) { id status } }`,
      {
        meetingId: meeting.id,
        input: {
          title: '联合策划冰雪季宣传活动',
          partnerOfficeId: 'office-propaganda',
          leadStaffId: createStaff.id,
          coDivisionIds: ['div-information'],
          deadline: later(24 * 10),
          keyWorkItemId: addKeyWorkItem.id,
        },
      },
    );
    expect(agreePartnerTask.status).toBe('AGREED');

    const done = await run(
      liaison,
      `mutation ($taskId: ID!) { reportPartnerTaskProgress(taskId: $taskId, note: "方案已定稿", completed: true) { status } }`,
      { taskId: agreePartnerTask.id },
    );
    expect(done.reportPartnerTaskProgress.status).toBe('COMPLETED');

    // The office's name and the lead's come from responsibility; the task from interaction.
    const { office } = await run(
      director,
      `{ office(id: "office-propaganda") { shortName partnerTasks { totalCount edges { node {
           title status lead { name } partnerOffice { shortName } } } } } }`,
    );
    expect(office).toEqual({
      shortName: '市委宣传部办公室',
      partnerTasks: {
        totalCount: 1,
        edges: [
          {
            node: {
              title: '联合策划冰雪季宣传活动',
              status: 'COMPLETED',
              lead: { name: '邵立新' },
              partnerOffice: { shortName: '市委宣传部办公室' },
            },
          },
        ],
      },
    });

    const { meeting: held } = await run(
      director,
      `query ($id: ID!) { meeting(id: $id) { partnerOffices { shortName } partnerTasks { title } } }`,
      { id: meeting.id },
    );
    expect(held).toEqual({
      partnerOffices: [{ shortName: '市委宣传部办公室' }],
      partnerTasks: [{ title: '联合策划冰雪季宣传活动' }],
    });

    const { overallArrangement } = await run(
      director,
      `query ($m: String!) { overallArrangement(from: $m, to: $m) { month items { title
           office { shortName } meetings { title } partnerTasks { title } } } }`,
      { m: month(0) },
    );
    expect(overallArrangement).toEqual([
      {
        month: month(0),
        items: [
          {
            title: '冰雪季对外宣传统筹',
            office: { shortName: '市委宣传部办公室' },
            meetings: [{ title: '横向协调会' }],
            partnerTasks: [{ title: '联合策划冰雪季宣传活动' }],
          },
        ],
      },
    ]);
  });
});
