import { paginate, wantsCount, type CountChoice } from '@heli/subgraph-runtime';
import type { InteractionContext, InteractionResolvers } from '../context.js';
import type { InteractionDependencies } from '../dependencies.js';
import type {
  AgendaItemInput,
  MeetingFilter,
  MeetingKind,
  MeetingStatus,
} from '../generated/resolvers-types.js';
import { writeInteraction } from '../records/interaction-write.js';
import type { MeetingRecord } from './meeting.model.js';
import {
  addAgendaItem,
  closeMeeting,
  recordAbsence,
  removeAgendaItem,
  scheduleMeeting,
  signIn,
} from './meetings.commands.js';
import {
  absentDivisionIds,
  meetingVisibilityFilter,
  type AgendaItemDraft,
} from './meetings.rules.js';

const ref = (id: string) => ({ id });

/** One page of the meetings the viewer may see, latest first. */
export function listMeetings(
  ctx: InteractionContext,
  filter:
    | (MeetingFilter & { kind?: MeetingKind | null; status?: MeetingStatus | null })
    | null
    | undefined,
  page: { first?: number | null; after?: string | null },
  count: CountChoice,
) {
  const conditions: Record<string, unknown>[] = [meetingVisibilityFilter(ctx.viewer)];
  if (filter?.kind) conditions.push({ kind: filter.kind });
  if (filter?.status) conditions.push({ status: filter.status });
  if (filter?.divisionId) {
    conditions.push({
      $or: [
        { attendingDivisionIds: filter.divisionId },
        { organiserDivisionId: filter.divisionId },
      ],
    });
  }
  return paginate(
    ctx.models.meetings,
    { $and: conditions },
    {
      first: page.first ?? undefined,
      after: page.after ?? undefined,
      sort: { field: 'startsAt', direction: 'DESC' },
    },
    count,
  );
}

function agendaDraft(input: AgendaItemInput): AgendaItemDraft {
  return {
    kind: input.kind,
    title: input.title,
    content: input.content,
    documentIds: input.documentIds,
    linkedEntryIds: input.linkedEntryIds,
    deployment: input.deployment
      ? {
          leadDivisionId: input.deployment.leadDivisionId,
          coDivisionIds: input.deployment.coDivisionIds,
          deadline: input.deployment.deadline,
          requirements: input.deployment.requirements,
        }
      : null,
  };
}

export function meetingsResolvers({
  clock,
  calendar,
  minutesReadingDays,
}: InteractionDependencies): InteractionResolvers {
  return {
    Query: {
      meeting: (_, { id }, ctx) => ctx.loaders.meeting.load(id),
      meetings: (_, { filter, first, after }, ctx, info) =>
        listMeetings(ctx, filter, { first, after }, info),
    },

    Mutation: {
      scheduleMeeting: (_, { input }, ctx) =>
        writeInteraction(ctx, (write) =>
          scheduleMeeting(
            write,
            ctx.viewer,
            {
              kind: input.kind,
              title: input.title,
              startsAt: input.startsAt,
              place: input.place,
              chairStaffId: input.chairStaffId,
              attendingDivisionIds: input.attendingDivisionIds,
              attendeeStaffIds: input.attendeeStaffIds,
              classification: input.classification,
              organiserDivisionId: input.organiserDivisionId ?? null,
              partnerOfficeIds: input.partnerOfficeIds,
              keyWorkItemIds: input.keyWorkItemIds,
            },
            clock.now(),
          ),
        ),
      addAgendaItem: (_, { meetingId, input }, ctx) =>
        writeInteraction(ctx, (write) =>
          addAgendaItem(write, ctx.viewer, meetingId, agendaDraft(input), clock.now()),
        ),
      removeAgendaItem: (_, { meetingId, itemId }, ctx) =>
        writeInteraction(ctx, (write) => removeAgendaItem(write, ctx.viewer, meetingId, itemId)),
      signInToMeeting: (_, { meetingId }, ctx) =>
        writeInteraction(ctx, (write) => signIn(write, ctx.viewer, meetingId, clock.now())),
      recordAbsence: (_, { meetingId, divisionId, reason }, ctx) =>
        writeInteraction(ctx, (write) =>
          recordAbsence(write, ctx.viewer, meetingId, divisionId, reason, clock.now()),
        ),
      closeMeeting: (_, { meetingId, minutes }, ctx) =>
        writeInteraction(ctx, (write) =>
          closeMeeting(write, ctx.viewer, meetingId, minutes, clock.now(), {
            calendar,
            minutesReadingDays,
          }),
        ),
    },

    Meeting: {
      __resolveReference: ({ id }, ctx) => ctx.loaders.meeting.load(id),
      id: (meeting) => meeting._id,
      chair: (meeting) => ref(meeting.chairStaffId),
      organiserDivision: (meeting) => ref(meeting.organiserDivisionId),
      attendingDivisions: (meeting) => meeting.attendingDivisionIds.map(ref),
      attendees: (meeting) => meeting.attendeeStaffIds.map(ref),
      absentDivisions: (meeting: MeetingRecord) => absentDivisionIds(meeting).map(ref),
      decisions: (meeting, _, ctx) => ctx.loaders.decisionsOfMeeting.load(meeting._id),
      scheduledBy: (meeting) => ref(meeting.scheduledByStaffId),
      closedBy: (meeting) => (meeting.closedByStaffId ? ref(meeting.closedByStaffId) : null),
    },

    AgendaItem: {
      id: (item) => item._id,
      documents: (item) => item.documentIds.map(ref),
      linkedEntries: (item) => item.linkedEntryIds.map(ref),
    },

    Deployment: {
      leadDivision: (deployment) => ref(deployment.leadDivisionId),
      coDivisions: (deployment) => deployment.coDivisionIds.map(ref),
    },

    SignIn: {
      staff: (signIn) => ref(signIn.staffId),
      division: (signIn) => (signIn.divisionId ? ref(signIn.divisionId) : null),
    },

    Absence: {
      division: (absence) => ref(absence.divisionId),
    },

    MeetingDecision: {
      __resolveReference: ({ id }, ctx) => ctx.loaders.decision.load(id),
      id: (decision) => decision._id,
      meeting: (decision, _, ctx) => ctx.loaders.meeting.load(decision.meetingId),
      leadDivision: (decision) => ref(decision.leadDivisionId),
      coDivisions: (decision) => decision.coDivisionIds.map(ref),
      matter: (decision) => (decision.assignmentId ? ref(decision.assignmentId) : null),
    },

    Division: {
      __resolveReference: ({ id }) => ({ id }),
      meetings: (division, { kind, status, first, after }, ctx, info) => {
        const conditions: Record<string, unknown>[] = [meetingVisibilityFilter(ctx.viewer)];
        if (kind) conditions.push({ kind });
        if (status) conditions.push({ status });
        return ctx.loaders
          .divisionMeetingPages({ $and: conditions }, { field: 'startsAt', direction: 'DESC' })
          .load({ key: division.id, first, after, countTotal: wantsCount(info) });
      },
    },

    Assignment: {
      __resolveReference: ({ id }) => ({ id }),
      origin: (assignment, _, ctx) => ctx.loaders.decisionByAssignment.load(assignment.id),
    },
  };
}
