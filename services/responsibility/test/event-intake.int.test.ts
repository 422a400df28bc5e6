import {
  assignmentEvents,
  createEnvelope,
  interactionEvents,
  natsSubject,
  sharingEvents,
  streamName,
  type EventDefinition,
  type EventEnvelope,
} from '@heli/event-contracts';
import { waitFor } from '@heli/testkit';
import { connect, type NatsConnection } from 'nats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTAKE_CONSUMER } from '../src/event-intake/responsibility-intake.js';
import { startMatters, type Matters } from './matters-harness.js';

let matters: Matters;
let nc: NatsConnection;

beforeAll(async () => {
  matters = await startMatters();
  nc = await connect({ servers: matters.runtime.env.NATS_URL.split(',') });
});

afterAll(async () => {
  await nc?.drain();
  await matters?.close();
});

/** Publishes an envelope as the other context's relay would; `msgID: false` skips JetStream's dedupe. */
async function publish(
  definition: EventDefinition,
  envelope: EventEnvelope,
  { msgID = true } = {},
) {
  const ack = await nc
    .jetstream()
    .publish(natsSubject(matters.namespace, definition), JSON.stringify(envelope), {
      ...(msgID ? { msgID: envelope.id } : {}),
    });
  return ack.seq;
}

/** Waits until the intake consumer has handled everything in `context`'s stream up to `seq`. */
async function drained(context: string, seq: number) {
  const jsm = await nc.jetstreamManager();
  await waitFor(
    async () => {
      const info = await jsm.consumers.info(
        streamName(matters.namespace, context),
        INTAKE_CONSUMER,
      );
      return (
        info.delivered.stream_seq >= seq && info.num_ack_pending === 0 && info.num_pending === 0
      );
    },
    { timeoutMs: 15_000, description: `${INTAKE_CONSUMER} to handle ${context} up to ${seq}` },
  );
}

const instruction = (instructionId: string, overrides: Record<string, unknown> = {}) =>
  createEnvelope(
    sharingEvents.instructionIssued,
    {
      instructionId,
      documentId: 'doc-2026-118',
      documentTitle: '关于进一步加强政务信息报送工作的意见',
      classification: 'CONFIDENTIAL',
      leaderStaffId: 'staff-party-secretary',
      text: '请办公厅牵头研究落实，信息处配合。',
      leadDivisionId: 'div-general-1',
      coDivisionIds: ['div-information'],
      deadline: null,
      issuedAt: '2026-11-26T08:00:00+08:00',
      ...overrides,
    },
    { source: 'sharing', subject: 'doc-2026-118' },
  );

const decision = (decisionId: string) =>
  createEnvelope(
    interactionEvents.meetingDecisionRecorded,
    {
      decisionId,
      meetingId: 'meeting-2026-12',
      meetingKind: 'DELIBERATION',
      meetingTitle: '第十二次议政会',
      text: '建立全市政务信息共享目录，年底前上线试运行',
      classification: 'INTERNAL',
      leadDivisionId: 'div-information',
      coDivisionIds: ['div-secretariat'],
      deadline: '2026-12-31T17:00:00+08:00',
      recordedByStaffId: 'staff-executive-deputy',
      recordedAt: '2026-11-26T10:00:00+08:00',
    },
    { source: 'interaction', subject: 'meeting-2026-12' },
  );

describe('matters from other contexts', () => {
  it('turns an instruction into exactly one matter, however often it is delivered', async () => {
    const event = instruction('instruction-001');
    await publish(sharingEvents.instructionIssued, event);
    await publish(sharingEvents.instructionIssued, event, { msgID: false });
    // The same instruction announced again under a new event id (a republish after a rebuild).
    const last = await publish(sharingEvents.instructionIssued, instruction('instruction-001'));
    await drained('sharing', last);

    const created = await matters.models.assignments
      .find({ source: 'INSTRUCTION', sourceRef: 'instruction-001' })
      .lean();
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      title: '落实领导批示：关于进一步加强政务信息报送工作的意见',
      requirements: '请办公厅牵头研究落实，信息处配合。',
      classification: 'CONFIDENTIAL',
      leadDivisionId: 'div-general-1',
      coDivisionIds: ['div-information'],
      assignedByStaffId: 'staff-party-secretary',
      status: 'ASSIGNED',
      // No deadline named: 14 days from the instruction.
      deadline: new Date('2026-12-10T08:00:00+08:00'),
    });
    const announced = (await matters.outboxEvents(assignmentEvents.assignmentCreated)).filter(
      (e) => e.data['sourceRef'] === 'instruction-001',
    );
    expect(announced).toHaveLength(1);
    expect(announced[0]!.data).toMatchObject({
      source: 'INSTRUCTION',
      assignmentId: created[0]!._id,
    });
  });

  it('turns a meeting decision into exactly one matter with the deadline it names', async () => {
    const event = decision('decision-001');
    await publish(interactionEvents.meetingDecisionRecorded, event);
    const last = await publish(interactionEvents.meetingDecisionRecorded, event, { msgID: false });
    await drained('interaction', last);

    const created = await matters.models.assignments
      .find({ source: 'MEETING_DECISION', sourceRef: 'decision-001' })
      .lean();
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      title: '第十二次议政会议定：建立全市政务信息共享目录，年底前上线试运行',
      leadDivisionId: 'div-information',
      deadline: new Date('2026-12-31T17:00:00+08:00'),
      assignedByStaffId: 'staff-executive-deputy',
    });
    const { assignment } = await matters.ok(
      'staff-information-head',
      `query($id: ID!) { assignment(id: $id) { source sourceRef leadDivision { name } } }`,
      {
        id: created[0]!._id,
      },
    );
    expect(assignment).toEqual({
      source: 'MEETING_DECISION',
      sourceRef: 'decision-001',
      leadDivision: { name: '信息处' },
    });
  });

  it('assigns nothing for an instruction that names no lead division', async () => {
    const last = await publish(
      sharingEvents.instructionIssued,
      instruction('instruction-002', { leadDivisionId: null }),
    );
    await drained('sharing', last);
    expect(await matters.models.assignments.countDocuments({ sourceRef: 'instruction-002' })).toBe(
      0,
    );
  });

  it('refuses a second matter for the same source in the database itself', async () => {
    const [existing] = await matters.models.assignments
      .find({ sourceRef: 'instruction-001' })
      .lean();
    await expect(
      matters.models.assignments.create({ ...existing!, _id: 'assignment-copy' }),
    ).rejects.toThrow(/E11000/);
  });
});
