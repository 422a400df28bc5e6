import { assignmentEvents } from '@heli/event-contracts';
import type { Outbox } from '@heli/subgraph-runtime';
import { assignmentRef } from '../assignments/assignments.events.js';
import { WORK_OWED_STATUSES } from '../assignments/assignment-lifecycle.rules.js';
import type { AssignmentRecord, EscalationLevel } from '../assignments/assignment.model.js';
import { writeMatters, type MatterWrite } from '../assignments/matter-write.js';
import type { ResponsibilityModels } from '../models.js';
import { newRecordId } from '../records/record-id.js';
import { deadlineReminderDue, escalationLevelFor, escalationSteps } from './escalation.rules.js';
import type { ReminderKind } from './reminder.model.js';
import { reminderMessages } from './reminder-messages.js';
import { DEFAULT_SUPERVISION_SETTINGS, type SupervisionSettings } from './supervision-settings.js';

const HOUR_MS = 3_600_000;
const OWED = [...WORK_OWED_STATUSES];

export interface SupervisionTickSummary {
  deadlineReminders: number;
  reportReminders: number;
  /** Scheduled reports announced as due within a day. */
  reportsDueSoon: number;
  overdue: number;
  escalations: Record<EscalationLevel, number>;
}

type TickScope = { models: ResponsibilityModels; outbox: Outbox };

/**
 * One round of supervision (督办) at `now`: reminders before deadlines, reminders for scheduled
 * reports that have fallen due, overdue detection and the escalation ladder.
 *
 * Every replica runs it. Each change is a conditional update — "from the state I read to the next
 * one" — in the same transaction as its reminder or event, so when two replicas act on the same
 * matter at once one update applies and the other matches nothing (or hits a write conflict,
 * retries, and then matches nothing): no reminder or event twice, and none skipped. The summary
 * counts what this replica did.
 */
export async function runSupervisionTick(
  scope: TickScope,
  now: Date,
  settings: SupervisionSettings = DEFAULT_SUPERVISION_SETTINGS,
): Promise<SupervisionTickSummary> {
  const summary: SupervisionTickSummary = {
    deadlineReminders: await remindBeforeDeadlines(scope, now, settings),
    reportReminders: await remindOfDueReports(scope, now),
    reportsDueSoon: await announceReportsDueSoon(scope, now),
    overdue: 0,
    escalations: { BLUE: 0, ORANGE: 0, RED: 0 },
  };
  const late = await scope.models.assignments
    .find({ status: { $in: OWED }, deadline: { $lt: now }, escalationLevel: { $ne: 'RED' } })
    .lean<AssignmentRecord[]>();
  for (const matter of late) {
    const climbed = await escalate(scope, matter, now, settings);
    if (climbed[0] === 'BLUE') summary.overdue++;
    for (const level of climbed) summary.escalations[level]++;
  }
  return summary;
}

async function remindBeforeDeadlines(scope: TickScope, now: Date, settings: SupervisionSettings) {
  const horizon = new Date(now.getTime() + settings.reminderBeforeHours * HOUR_MS);
  const candidates = await scope.models.assignments
    .find({ status: { $in: OWED }, deadline: { $gt: now, $lte: horizon } })
    .lean<AssignmentRecord[]>();
  let sent = 0;
  for (const matter of candidates.filter((m) => deadlineReminderDue(m, now, settings))) {
    const won = await writeMatters(scope, async (write) => {
      const claimed = await write.models.assignments.updateOne(
        {
          _id: matter._id,
          status: { $in: OWED },
          deadline: matter.deadline,
          deadlineReminderFor: { $ne: matter.deadline },
        },
        { $set: { deadlineReminderFor: matter.deadline } },
        { session: write.session },
      );
      if (claimed.modifiedCount !== 1) return false;
      await insertReminder(write, matter, now, {
        kind: 'DEADLINE_APPROACHING',
        key: `deadline:${matter.deadline.toISOString()}`,
        message: reminderMessages.deadlineApproaching(matter.title, matter.deadline),
      });
      return true;
    });
    if (won) sent++;
  }
  return sent;
}

async function remindOfDueReports(scope: TickScope, now: Date) {
  const candidates = await scope.models.assignments
    .find({ status: { $in: OWED }, nextReportDueAt: { $ne: null, $lte: now } })
    .lean<AssignmentRecord[]>();
  let sent = 0;
  for (const matter of candidates) {
    const due = matter.nextReportDueAt!;
    if (matter.reportReminderFor?.getTime() === due.getTime()) continue;
    const won = await writeMatters(scope, async (write) => {
      const claimed = await write.models.assignments.updateOne(
        { _id: matter._id, nextReportDueAt: due, reportReminderFor: { $ne: due } },
        { $set: { reportReminderFor: due } },
        { session: write.session },
      );
      if (claimed.modifiedCount !== 1) return false;
      await insertReminder(write, matter, now, {
        kind: 'REPORT_DUE',
        key: `report:${due.toISOString()}`,
        message: reminderMessages.reportDue(matter.title, due),
      });
      return true;
    });
    if (won) sent++;
  }
  return sent;
}

/** Reports falling due within the next day: announced once per due date, the day before. */
async function announceReportsDueSoon(scope: TickScope, now: Date) {
  const horizon = new Date(now.getTime() + 24 * HOUR_MS);
  const candidates = await scope.models.assignments
    .find({ status: { $in: OWED }, nextReportDueAt: { $gt: now, $lte: horizon } })
    .lean<AssignmentRecord[]>();
  let announced = 0;
  for (const matter of candidates) {
    const due = matter.nextReportDueAt!;
    if (matter.reportDueSoonFor?.getTime() === due.getTime()) continue;
    const won = await writeMatters(scope, async (write) => {
      const claimed = await write.models.assignments.updateOne(
        { _id: matter._id, nextReportDueAt: due, reportDueSoonFor: { $ne: due } },
        { $set: { reportDueSoonFor: due } },
        { session: write.session },
      );
      if (claimed.modifiedCount !== 1) return false;
      await write.emit(
        assignmentEvents.assignmentReportDueSoon,
        {
          ...assignmentRef(matter),
          responsibleStaffIds: [...matter.responsibleStaffIds],
          reportDueAt: due.toISOString(),
          detectedAt: now.toISOString(),
        },
        { subject: matter._id },
      );
      return true;
    });
    if (won) announced++;
  }
  return announced;
}

/** Climbs the ladder rung by rung; returns the rungs this replica climbed. */
async function escalate(
  scope: TickScope,
  matter: AssignmentRecord,
  now: Date,
  settings: SupervisionSettings,
): Promise<EscalationLevel[]> {
  const steps = escalationSteps(
    matter.escalationLevel,
    escalationLevelFor(matter.deadline, now, settings),
  );
  if (steps.length === 0) return [];
  return writeMatters(scope, async (write) => {
    const climbed: EscalationLevel[] = [];
    let current = matter.escalationLevel;
    for (const level of steps) {
      const firstRung = current === null;
      const claimed = await write.models.assignments.updateOne(
        { _id: matter._id, status: { $in: OWED }, escalationLevel: current },
        {
          $set: {
            escalationLevel: level,
            escalatedAt: now,
            // Late since the deadline passed, whenever the scan noticed.
            ...(firstRung ? { overdueSince: matter.deadline } : {}),
          },
        },
        { session: write.session },
      );
      if (claimed.modifiedCount !== 1) break;
      if (firstRung) {
        await write.emit(
          assignmentEvents.assignmentOverdue,
          { ...assignmentRef(matter), detectedAt: now.toISOString() },
          { subject: matter._id },
        );
      }
      await write.emit(
        assignmentEvents.assignmentEscalated,
        { ...assignmentRef(matter), level, escalatedAt: now.toISOString() },
        { subject: matter._id },
      );
      await insertReminder(write, matter, now, {
        kind: 'ESCALATION',
        key: `escalation:${level}`,
        message: reminderMessages.escalation(matter.title, matter.deadline, level),
      });
      climbed.push(level);
      current = level;
    }
    return climbed;
  });
}

async function insertReminder(
  write: MatterWrite,
  matter: AssignmentRecord,
  now: Date,
  reminder: { kind: ReminderKind; key: string; message: string },
): Promise<void> {
  await write.models.reminders.create(
    [
      {
        _id: newRecordId('reminder'),
        assignmentId: matter._id,
        divisionId: matter.leadDivisionId,
        sentByStaffId: null,
        sentAt: now,
        ...reminder,
      },
    ],
    { session: write.session },
  );
}
