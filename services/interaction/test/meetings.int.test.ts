import {
  assignmentEvents,
  createEnvelope,
  interactionEvents,
  natsSubject,
} from '@heli/event-contracts';
import { outboxEvents, waitFor } from '@heli/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADD_ITEM,
  CLOSE,
  deliberationWithTwoDeployments,
  DIRECTOR,
  SCHEDULE,
  SIGN_IN,
  startInteraction,
  type Interaction,
} from './interaction-harness.js';

let interaction: Interaction;

beforeAll(async () => {
  interaction = await startInteraction();
});

afterAll(async () => {
  await interaction?.close();
});

const advanceHours = (hours: number) =>
  interaction.clock.set(new Date(interaction.clock.now().getTime() + hours * 3_600_000));

describe('a 议政会 from scheduling to minutes', () => {
  it('closes once, announcing each 部署 item as a decision and the minutes for the absent divisions', async () => {
    const { ok, as, subgraph } = interaction;
    const meetingId = await deliberationWithTwoDeployments(interaction);
    advanceHours(24);
    await ok('staff-general-1-head', SIGN_IN, { meetingId });
    await ok('staff-information-1', SIGN_IN, { meetingId });
    // Signing in twice keeps one sign-in.
    const twice = await ok('staff-information-1', SIGN_IN, { meetingId });
    expect(twice.signInToMeeting.signIns).toHaveLength(2);

    // A division head who is not the chair may not close it.
    const refused = await as('staff-general-1-head', CLOSE, { meetingId, minutes: '纪要' });
    expect(refused.errors[0].extensions.code).toBe('FORBIDDEN');

    const minutes = '会议传达了市委常委会议精神，部署了两项工作。';
    const [first, second] = await Promise.all([
      as(DIRECTOR, CLOSE, { meetingId, minutes }),
      as(DIRECTOR, CLOSE, { meetingId, minutes }),
    ]);
    const results = [first, second];
    const closed = results.find((body) => body.data?.closeMeeting)!.data.closeMeeting;
    // Of two closes at once, exactly one closes; the other is told it is already closed.
    expect(results.filter((body) => body.errors?.[0]?.extensions.code === 'CONFLICT')).toHaveLength(
      1,
    );
    expect(closed.status).toBe('CLOSED');
    expect(closed.absentDivisions).toEqual([{ id: 'div-research' }]);
    expect(closed.decisions.map((d: { status: string }) => d.status)).toEqual([
      'RECORDED',
      'RECORDED',
    ]);

    const decided = (await outboxEvents(subgraph.conn, interactionEvents.meetingDecisionRecorded))
      .map(
        (event) => event.data as { meetingId: string; leadDivisionId: string; decisionId: string },
      )
      .filter((data) => data.meetingId === meetingId);
    expect(decided.map((data) => data.leadDivisionId).sort()).toEqual([
      'div-information',
      'div-research',
    ]);
    expect(decided.map((data) => data.decisionId).sort()).toEqual(
      closed.decisions.map((d: { id: string }) => d.id).sort(),
    );
    const published = (
      await outboxEvents(subgraph.conn, interactionEvents.minutesPublished)
    ).filter((event) => event.subject === meetingId);
    expect(published).toHaveLength(1);
    expect(published[0]!.data).toMatchObject({
      title: '第十三次议政会纪要',
      text: minutes,
      organiserDivisionId: 'div-meetings',
      absentDivisionIds: ['div-research'],
      // Closed Friday 27 November: three working days on is Wednesday 2 December, 17:30.
      readingDueAt: '2026-12-02T09:30:00.000Z',
    });
  });

  it('links each decision to the matter made of it exactly once, however often the event comes', async () => {
    const { ok, nc, namespace, models } = interaction;
    const meetingId = await deliberationWithTwoDeployments(interaction);
    advanceHours(24);
    const closed = await ok(DIRECTOR, CLOSE, { meetingId, minutes: '纪要正文' });
    const decisionId: string = closed.closeMeeting.decisions[0].id;

    const created = (assignmentId: string) =>
      createEnvelope(
        assignmentEvents.assignmentCreated,
        {
          assignmentId,
          parentAssignmentId: null,
          leadDivisionId: 'div-information',
          coDivisionIds: ['div-general-1'],
          classification: 'INTERNAL',
          deadline: '2026-12-31T09:00:00.000Z',
          title: '第十三次议政会议定：建立政务信息共享目录',
          source: 'MEETING_DECISION',
          sourceRef: decisionId,
          assignedByStaffId: DIRECTOR,
          responsibleStaffIds: [],
          priority: 'HIGH',
          createdAt: '2026-11-27T09:00:00.000Z',
        },
        { source: 'responsibility', subject: assignmentId },
      );
    const js = nc.jetstream();
    const subject = natsSubject(namespace, assignmentEvents.assignmentCreated);
    const event = created('assignment-a');
    await js.publish(subject, JSON.stringify(event), { msgID: event.id });
    // The same event redelivered past JetStream's dedupe, and a second matter claiming the decision.
    await js.publish(subject, JSON.stringify(event));
    await js.publish(subject, JSON.stringify(created('assignment-b')));
    const accepted = createEnvelope(
      assignmentEvents.assignmentAccepted,
      {
        assignmentId: 'assignment-a',
        parentAssignmentId: null,
        leadDivisionId: 'div-information',
        coDivisionIds: [],
        classification: 'INTERNAL',
        deadline: '2026-12-31T09:00:00.000Z',
        actorStaffId: 'staff-information-head',
        at: '2026-11-27T10:00:00.000Z',
      },
      { source: 'responsibility', subject: 'assignment-a' },
    );
    await js.publish(
      natsSubject(namespace, assignmentEvents.assignmentAccepted),
      JSON.stringify(accepted),
    );

    await waitFor(
      async () => (await models.decisions.findById(decisionId).lean())?.status === 'ACCEPTED',
      { timeoutMs: 30_000, description: 'the decision to follow its matter' },
    );
    const decision = await models.decisions.findById(decisionId).lean();
    expect(decision).toMatchObject({ assignmentId: 'assignment-a', status: 'ACCEPTED' });

    const origin = await ok(
      'staff-information-head',
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Assignment { origin { id meetingTitle status meeting { id } } } } }`,
      { reps: [{ __typename: 'Assignment', id: 'assignment-a' }] },
    );
    expect(origin._entities[0].origin).toEqual({
      id: decisionId,
      meetingTitle: '第十三次议政会',
      status: 'ACCEPTED',
      meeting: { id: meetingId },
    });
  });
});

describe('bad input changes nothing', () => {
  it('refuses an unknown division, a deadline in the past, a 部署 item without a lead, and a past meeting', async () => {
    const { as, ok, clock, models } = interaction;
    const before = await models.meetings.countDocuments();
    const past = await as(DIRECTOR, SCHEDULE, {
      input: {
        kind: 'DELIBERATION',
        title: '议政会',
        startsAt: new Date(clock.now().getTime() - 3_600_000).toISOString(),
        chairStaffId: DIRECTOR,
        attendingDivisionIds: ['div-nowhere'],
        organiserDivisionId: 'div-meetings',
      },
    });
    expect(past.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(past.errors[0].message).toContain('会议时间不能早于现在');
    const unknown = await as(DIRECTOR, SCHEDULE, {
      input: {
        kind: 'DELIBERATION',
        title: '议政会',
        startsAt: new Date(clock.now().getTime() + 3_600_000).toISOString(),
        chairStaffId: DIRECTOR,
        attendingDivisionIds: ['div-nowhere'],
        organiserDivisionId: 'div-meetings',
      },
    });
    expect(unknown.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(unknown.errors[0].message).toContain('未知的处室：div-nowhere');
    expect(await models.meetings.countDocuments()).toBe(before);

    const meetingId = (
      await ok(DIRECTOR, SCHEDULE, {
        input: {
          kind: 'DELIBERATION',
          title: '第十四次议政会',
          startsAt: new Date(clock.now().getTime() + 3_600_000).toISOString(),
          chairStaffId: DIRECTOR,
          attendingDivisionIds: ['div-general-2'],
          organiserDivisionId: 'div-meetings',
        },
      })
    ).scheduleMeeting.id;
    const pastDeadline = await as(DIRECTOR, ADD_ITEM, {
      meetingId,
      input: {
        kind: 'DEPLOYMENT',
        title: '整改',
        deployment: {
          leadDivisionId: 'div-general-2',
          deadline: new Date(clock.now().getTime() - 1_000).toISOString(),
          requirements: '限期整改',
        },
      },
    });
    expect(pastDeadline.errors[0].message).toContain('部署事项的时限不能早于现在');
    const noLead = await as(DIRECTOR, ADD_ITEM, {
      meetingId,
      input: { kind: 'DEPLOYMENT', title: '整改' },
    });
    expect(noLead.errors[0].message).toContain('部署事项必须指定牵头处室');
    const unknownLead = await as(DIRECTOR, ADD_ITEM, {
      meetingId,
      input: {
        kind: 'DEPLOYMENT',
        title: '整改',
        deployment: {
          leadDivisionId: 'div-nowhere',
          deadline: new Date(clock.now().getTime() + 86_400_000).toISOString(),
          requirements: '限期整改',
        },
      },
    });
    expect(unknownLead.errors[0].message).toContain('未知的处室：div-nowhere');
    expect((await models.meetings.findById(meetingId).lean())!.agenda).toEqual([]);
  });

  it('answers a meeting the viewer may not see exactly as one that does not exist', async () => {
    const { as, ok } = interaction;
    const meetingId = await deliberationWithTwoDeployments(interaction);
    const hidden = await as('staff-legal-1', SIGN_IN, { meetingId });
    const missing = await as('staff-legal-1', SIGN_IN, { meetingId: 'meeting-none' });
    expect(hidden.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(hidden.errors[0].message.replace(meetingId, 'X')).toBe(
      missing.errors[0].message.replace('meeting-none', 'X'),
    );
    const seen = await ok('staff-legal-1', `query ($id: ID!) { meeting(id: $id) { id } }`, {
      id: meetingId,
    });
    expect(seen.meeting).toBeNull();
  });
});
