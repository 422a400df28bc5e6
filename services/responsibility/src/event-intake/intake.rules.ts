import type { Classification } from '@heli/auth';
import type {
  EventData,
  interactionEvents,
  liaisonEvents,
  sharingEvents,
} from '@heli/event-contracts';
import type { NewMatter } from '../assignments/assignments.commands.js';
import { TITLE_MAX } from '../assignments/assignment-fields.rules.js';

const DAY_MS = 86_400_000;

/** What an intake event asks of responsibility: a matter, who assigned it, and when. */
export interface IntakeMatter {
  matter: NewMatter;
  assignedByStaffId: string;
  assignedAt: Date;
}

/**
 * The deadline of a matter made from an event: the one it names, else `defaultDays` after the
 * event happened — counted from the event, not from when it is handled, so a replay or a late
 * delivery gives the same deadline.
 */
export function intakeDeadline(
  deadline: string | null,
  happenedAt: Date,
  defaultDays: number,
): Date {
  return deadline === null
    ? new Date(happenedAt.getTime() + defaultDays * DAY_MS)
    : new Date(deadline);
}

function titleOf(prefix: string, subject: string): string {
  const full = `${prefix}${subject}`;
  const chars = [...full];
  return chars.length <= TITLE_MAX ? full : `${chars.slice(0, TITLE_MAX - 1).join('')}…`;
}

function matterFrom(fields: {
  title: string;
  requirements: string;
  classification: Classification;
  leadDivisionId: string;
  coDivisionIds: string[];
  deadline: Date;
}): NewMatter {
  return {
    ...fields,
    // A lead division that is also listed as co-organiser is still just the lead.
    coDivisionIds: [...new Set(fields.coDivisionIds)].filter((id) => id !== fields.leadDivisionId),
    responsibleStaffIds: [],
    priority: 'HIGH',
    reportFrequency: 'WEEKLY',
  };
}

/** A leader's instruction (批示) with a lead division becomes a matter; without one, nothing. */
export function matterFromInstruction(
  data: EventData<typeof sharingEvents.instructionIssued>,
  defaultDays: number,
): IntakeMatter | null {
  if (data.leadDivisionId === null) return null;
  const issuedAt = new Date(data.issuedAt);
  return {
    matter: matterFrom({
      title: titleOf('落实领导批示：', data.documentTitle),
      requirements: data.text,
      classification: data.classification,
      leadDivisionId: data.leadDivisionId,
      coDivisionIds: data.coDivisionIds,
      deadline: intakeDeadline(data.deadline, issuedAt, defaultDays),
    }),
    assignedByStaffId: data.leaderStaffId,
    assignedAt: issuedAt,
  };
}

/** A meeting decision (议定事项) with a lead division becomes a matter; without one, nothing. */
export function matterFromDecision(
  data: EventData<typeof interactionEvents.meetingDecisionRecorded>,
  defaultDays: number,
): IntakeMatter | null {
  if (data.leadDivisionId === null) return null;
  const recordedAt = new Date(data.recordedAt);
  return {
    matter: matterFrom({
      title: titleOf(`${data.meetingTitle}议定：`, data.text),
      requirements: data.text,
      classification: data.classification,
      leadDivisionId: data.leadDivisionId,
      coDivisionIds: data.coDivisionIds,
      deadline: intakeDeadline(data.deadline, recordedAt, defaultDays),
    }),
    assignedByStaffId: data.recordedByStaffId,
    assignedAt: recordedAt,
  };
}

/**
 * A matter a higher office assigned, accepted by this office's leadership with a lead division:
 * its deadline and reporting frequency are the higher office's; the leader who accepted it is
 * who assigned it here.
 */
export function matterFromOfficeAssignment(
  data: EventData<typeof liaisonEvents.officeAssignmentAccepted>,
): IntakeMatter {
  return {
    matter: {
      ...matterFrom({
        title: titleOf(`${data.fromOfficeName}交办：`, data.title),
        requirements: data.requirements,
        classification: data.classification,
        leadDivisionId: data.leadDivisionId,
        coDivisionIds: data.coDivisionIds,
        deadline: new Date(data.deadline),
      }),
      reportFrequency: data.reportFrequency,
    },
    assignedByStaffId: data.acceptedByStaffId,
    assignedAt: new Date(data.acceptedAt),
  };
}
