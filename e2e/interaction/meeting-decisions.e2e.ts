import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeliClaims } from '@heli/auth';
import { claimsForStaff } from '@heli/demo-data';
import { ManualClock } from '@heli/interaction';
import { waitFor } from '@heli/testkit';
import { interactionPart, responsibilityPart, sharingPart } from '../harness/service-parts.js';
import { startStack, type Stack } from '../harness/stack.js';

const director = claimsForStaff('staff-director');
const informationHead = claimsForStaff('staff-information-head');
const absentReader = claimsForStaff('staff-research-1');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are asserted by shape
type Data = any;

describe('a 议政会 closed through the gateway', () => {
  let stack: Stack;
  // Interaction's clock starts now and is moved past the meeting's start to close it.
  const clock = new ManualClock(new Date());
  const later = (hours: number) =>
    new Date(clock.now().getTime() + hours * 3_600_000).toISOString();

  beforeAll(async () => {
    stack = await startStack([responsibilityPart(), sharingPart(), interactionPart({ clock })]);
  });

  afterAll(async () => {
    await stack?.close();
  });

  const run = (viewer: HeliClaims, query: string, variables?: Record<string, unknown>) =>
    stack.data<Data>(viewer, query, variables);

  it('turns its two 部署 items into matters whose origin is the meeting, and sends the minutes to the absent division', async () => {
    const { scheduleMeeting } = await run(
      director,
      `mutation ($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`,
      {
        input: {
          kind: 'DELIBERATION',
          title: '第十五次议政会',
          startsAt: later(1),
          place: '办公厅第一会议室',
          chairStaffId: 'staff-director',
          attendingDivisionIds: ['div-general-1', 'div-information', 'div-research'],
          organiserDivisionId: 'div-meetings',
        },
      },
    );
    const meetingId: string = scheduleMeeting.id;
    for (const [title, lead] of [
      ['建立全市政务信息共享目录', 'div-information'],
      ['开展优化营商环境专题调研', 'div-research'],
    ]) {
      await run(
        director,
        `mutation ($meetingId: ID!, $input: AgendaItemInput!) { addAgendaItem(meetingId: $meetingId, input: $input) { id } }`,
        {
          meetingId,
          input: {
            kind: 'DEPLOYMENT',
            title,
            deployment: {
              leadDivisionId: lead,
              coDivisionIds: ['div-general-1'],
              deadline: later(24 * 30),
              requirements: '月底前形成方案报厅领导审定',
            },
          },
        },
      );
    }
    const signIn = `mutation ($meetingId: ID!) { signInToMeeting(meetingId: $meetingId) { id } }`;
    await run(claimsForStaff('staff-general-1-head'), signIn, { meetingId });
    await run(informationHead, signIn, { meetingId });

    clock.set(later(2));
    const { closeMeeting } = await run(
      director,
      `mutation ($meetingId: ID!) { closeMeeting(meetingId: $meetingId, minutes: "会议部署了两项工作。") {
         status absentDivisions { id name } decisions { id } } }`,
      { meetingId },
    );
    expect(closeMeeting.status).toBe('CLOSED');
    // The division's name comes from responsibility: one graph.
    expect(closeMeeting.absentDivisions).toEqual([{ id: 'div-research', name: '调研室' }]);
    const decisionIds: string[] = closeMeeting.decisions.map((d: { id: string }) => d.id);

    // Both matters appear in responsibility, and each one's origin resolves back to the meeting.
    const matters = await waitFor(
      async () => {
        const data = await run(
          director,
          `{ assignments(filter: { source: [MEETING_DECISION] }, first: 50) { edges { node {
               id title sourceRef leadDivision { id }
               origin { id meeting { id title } } } } } }`,
        );
        const mine = data.assignments.edges
          .map((edge: Data) => edge.node)
          .filter((node: Data) => decisionIds.includes(node.sourceRef));
        return mine.length === 2 && mine.every((node: Data) => node.origin !== null) && mine;
      },
      { timeoutMs: 60_000, description: 'both matters with their origin' },
    );
    expect(matters.map((m: Data) => m.leadDivision.id).sort()).toEqual([
      'div-information',
      'div-research',
    ]);
    for (const matter of matters) {
      expect(matter.origin.meeting).toEqual({ id: meetingId, title: '第十五次议政会' });
      expect(matter.title).toContain('第十五次议政会');
    }

    // The decision shows its matter's status from responsibility, not a copy.
    const informationMatter = matters.find((m: Data) => m.leadDivision.id === 'div-information');
    await run(
      informationHead,
      `mutation ($id: ID!) { acceptAssignment(input: { id: $id }) { id } }`,
      { id: informationMatter.id },
    );
    const decided = await waitFor(
      async () => {
        const data = await run(
          director,
          `query ($id: ID!) { meeting(id: $id) { decisions { id status matter { id status progress } } } }`,
          { id: meetingId },
        );
        const decision = data.meeting.decisions.find(
          (d: Data) => d.id === informationMatter.sourceRef,
        );
        return decision?.status === 'ACCEPTED' && decision;
      },
      { timeoutMs: 60_000, description: 'the decision to follow its accepted matter' },
    );
    expect(decided.matter).toMatchObject({ id: informationMatter.id, status: 'ACCEPTED' });

    // The absent division's staff find the minutes in their reading inbox.
    const inbox = await waitFor(
      async () => {
        const data = await run(
          absentReader,
          `{ me { readingInbox { edges { node { documentTitle status document { body } } } } } }`,
        );
        const edges = data.me.readingInbox.edges.filter(
          (edge: Data) => edge.node.documentTitle === '第十五次议政会纪要',
        );
        return edges.length > 0 && edges;
      },
      { timeoutMs: 60_000, description: 'the minutes in the absent division’s inbox' },
    );
    expect(inbox).toEqual([
      {
        node: {
          documentTitle: '第十五次议政会纪要',
          status: 'UNREAD',
          document: { body: '会议部署了两项工作。' },
        },
      },
    ]);
  });
});
