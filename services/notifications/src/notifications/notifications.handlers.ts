import type { Classification } from '@heli/auth';
import { on, type EventHandlers } from '@heli/event-bus';
import { assignmentEvents, sharingEvents, type EventEnvelope } from '@heli/event-contracts';
import type { ClientSession } from 'mongoose';
import type { NotificationsModels } from '../models.js';
import type { PersonalPush } from '../push/personal-push.js';
import { subjectKey, type SubjectKind, type SubjectRecord } from '../subjects/subject.model.js';
import type { NotificationKind, NotificationRecord } from './notification.model.js';
import { notificationId, recipientsOf } from './notifications.rules.js';

type Notice = {
  kind: NotificationKind;
  subjectKind: SubjectKind;
  subjectId: string;
  title: string | null;
  classification: Classification;
  detail?: string | null;
  occurredAt: string;
};

/**
 * Turns the domain events that need someone into notifications, one per person. Each handler
 * runs in the consumer's transaction, once per event (processed_events); the notification ids are
 * derived from the event id as well, so even a rebuild adds nothing twice.
 */
export function notificationHandlers(
  models: NotificationsModels,
  push: PersonalPush,
): EventHandlers {
  const subject = (kind: SubjectKind, id: string, session: ClientSession) =>
    models.subjects.findById(subjectKey(kind, id)).session(session).lean<SubjectRecord>();

  const putSubject = ({ _id, ...fields }: SubjectRecord, session: ClientSession) =>
    models.subjects.updateOne({ _id }, { $set: fields }, { upsert: true, session });

  const headsOf = async (divisionIds: readonly string[], session: ClientSession) =>
    divisionIds.length === 0
      ? []
      : (
          await models.directoryDivisions
            .find({ _id: { $in: divisionIds } })
            .session(session)
            .lean()
        ).map((division) => division.headStaffId);

  const peopleOf = async (divisionIds: readonly string[], session: ClientSession) =>
    divisionIds.length === 0
      ? []
      : (
          await models.directoryStaff
            .find({ divisionId: { $in: divisionIds }, active: true })
            .session(session)
            .lean()
        ).map((person) => person._id);

  const notify = async (
    event: EventEnvelope,
    recipients: readonly string[],
    notice: Notice,
    session: ClientSession,
  ) => {
    if (recipients.length === 0) return;
    const records: NotificationRecord[] = recipients.map((recipientStaffId) => ({
      _id: notificationId(event.id, recipientStaffId),
      recipientStaffId,
      kind: notice.kind,
      subjectKind: notice.subjectKind,
      subjectId: notice.subjectId,
      title: notice.title,
      classification: notice.classification,
      detail: notice.detail ?? null,
      eventId: event.id,
      occurredAt: new Date(notice.occurredAt),
      readAt: null,
    }));
    await models.notifications.bulkWrite(
      // The filter's _id becomes the new document's; the rest only on insert, so a repeat is a no-op.
      records.map(({ _id, ...fields }) => ({
        updateOne: { filter: { _id }, update: { $setOnInsert: fields }, upsert: true },
      })),
      { session },
    );
    // Told before the commit; the stream waits until the notification can be read (push/).
    for (const record of records) push.announce(record.recipientStaffId, record._id);
  };

  return {
    ...on(assignmentEvents.assignmentCreated, async (event, { session }) => {
      const matter = event.data;
      await putSubject(
        {
          _id: subjectKey('MATTER', matter.assignmentId),
          kind: 'MATTER',
          title: matter.title,
          classification: matter.classification,
          divisionId: matter.leadDivisionId,
          staffIds: recipientsOf([...matter.responsibleStaffIds, matter.assignedByStaffId]),
        },
        session,
      );
      const heads = await headsOf([matter.leadDivisionId, ...matter.coDivisionIds], session);
      await notify(
        event,
        recipientsOf([...matter.responsibleStaffIds, ...heads], matter.assignedByStaffId),
        {
          kind: 'MATTER_ASSIGNED',
          subjectKind: 'MATTER',
          subjectId: matter.assignmentId,
          title: matter.title,
          classification: matter.classification,
          occurredAt: matter.createdAt,
        },
        session,
      );
    }),

    ...on(assignmentEvents.assignmentEscalated, async (event, { session }) => {
      const { assignmentId, leadDivisionId, classification, level, escalatedAt } = event.data;
      const matter = await subject('MATTER', assignmentId, session);
      const heads = await headsOf([leadDivisionId], session);
      await notify(
        event,
        // The division that owes the work, its 责任人 and the leader who assigned it.
        recipientsOf([...heads, ...(matter?.staffIds ?? [])]),
        {
          kind: 'MATTER_ESCALATED',
          subjectKind: 'MATTER',
          subjectId: assignmentId,
          title: matter?.title ?? null,
          classification,
          detail: level,
          occurredAt: escalatedAt,
        },
        session,
      );
    }),

    ...on(assignmentEvents.assignmentReportDueSoon, async (event, { session }) => {
      const { assignmentId, leadDivisionId, classification, responsibleStaffIds } = event.data;
      const matter = await subject('MATTER', assignmentId, session);
      const heads = await headsOf([leadDivisionId], session);
      await notify(
        event,
        // Who owes the report: the 责任人 and the head of the division that leads the matter.
        recipientsOf([...responsibleStaffIds, ...heads]),
        {
          kind: 'REPORT_DUE',
          subjectKind: 'MATTER',
          subjectId: assignmentId,
          title: matter?.title ?? null,
          classification,
          detail: event.data.reportDueAt,
          occurredAt: event.data.detectedAt,
        },
        session,
      );
    }),

    ...on(sharingEvents.documentRegistered, async (event, { session }) => {
      const document = event.data;
      await putSubject(
        {
          _id: subjectKey('DOCUMENT', document.documentId),
          kind: 'DOCUMENT',
          title: document.title,
          classification: document.classification,
          divisionId: document.registeringDivisionId,
          staffIds: [],
        },
        session,
      );
    }),

    ...on(sharingEvents.documentDistributed, async (event, { session }) => {
      const distribution = event.data;
      const document = await subject('DOCUMENT', distribution.documentId, session);
      // A reading sent to a division waits in the inbox of everyone in it.
      const members = await peopleOf(distribution.recipientDivisionIds, session);
      await notify(
        event,
        recipientsOf([...distribution.recipientStaffIds, ...members]),
        {
          kind: 'READING_REQUESTED',
          subjectKind: 'DOCUMENT',
          subjectId: distribution.documentId,
          title: document?.title ?? null,
          // An unseen document is treated as the most secret, so nobody is shown a guess.
          classification: document?.classification ?? 'TOP_SECRET',
          detail: distribution.dueAt,
          occurredAt: distribution.distributedAt,
        },
        session,
      );
    }),

    ...on(sharingEvents.circulationReached, async (event, { session }) => {
      const circulation = event.data;
      const document = await subject('DOCUMENT', circulation.documentId, session);
      await notify(
        event,
        // Whoever holds it now; a hop returned to an earlier reader tells that reader again.
        [circulation.holderStaffId],
        {
          kind: 'CIRCULATION_REACHED',
          subjectKind: 'CIRCULATION',
          subjectId: circulation.circulationId,
          title: document?.title ?? null,
          classification: document?.classification ?? 'TOP_SECRET',
          detail: circulation.hopDueAt,
          occurredAt: circulation.reachedAt,
        },
        session,
      );
    }),

    ...on(assignmentEvents.difficultyRaised, async (event, { session }) => {
      const difficulty = event.data;
      const matter = difficulty.assignmentId
        ? await subject('MATTER', difficulty.assignmentId, session)
        : null;
      await putSubject(
        {
          _id: subjectKey('DIFFICULTY', difficulty.difficultyId),
          kind: 'DIFFICULTY',
          title: difficulty.title,
          // A difficulty about a matter is as secret as the matter.
          classification: matter?.classification ?? 'INTERNAL',
          divisionId: difficulty.divisionId,
          staffIds: [difficulty.raisedByStaffId],
        },
        session,
      );
    }),

    ...on(assignmentEvents.difficultyResolved, async (event, { session }) => {
      const { difficultyId, divisionId, assignmentId, resolvedByStaffId, resolvedAt } = event.data;
      const difficulty = await subject('DIFFICULTY', difficultyId, session);
      const heads = await headsOf([divisionId], session);
      await notify(
        event,
        recipientsOf([...(difficulty?.staffIds ?? []), ...heads], resolvedByStaffId),
        {
          kind: 'DIFFICULTY_RESOLVED',
          // Opens the matter it held up, when there is one.
          subjectKind: assignmentId ? 'MATTER' : 'DIFFICULTY',
          subjectId: assignmentId ?? difficultyId,
          title: difficulty?.title ?? null,
          classification: difficulty?.classification ?? 'TOP_SECRET',
          occurredAt: resolvedAt,
        },
        session,
      );
    }),
  };
}
