import { badInput, rejectProblems, textProblem } from '@heli/subgraph-runtime';
import type { Actor } from '../assignments/assignments.commands.js';
import { isOpen } from '../assignments/assignment-lifecycle.rules.js';
import type { AssignmentRecord } from '../assignments/assignment.model.js';
import type { MatterWrite } from '../assignments/matter-write.js';
import { normalizeText } from '../organisation/text-field.rules.js';
import { newRecordId } from '../records/record-id.js';
import type { ReminderRecord } from './reminder.model.js';

const MESSAGE_MAX = 500;

/** 人工催办: the assigner side presses the lead division on a matter still under way. */
export async function remindManually(
  write: MatterWrite,
  matter: AssignmentRecord,
  message: string,
  actor: Actor,
): Promise<ReminderRecord> {
  const text = normalizeText(message);
  rejectProblems([textProblem('催办内容', text, MESSAGE_MAX)]);
  if (!isOpen(matter.status)) throw badInput('事项已结束，无需催办');
  const reminder: ReminderRecord = {
    _id: newRecordId('reminder'),
    assignmentId: matter._id,
    divisionId: matter.leadDivisionId,
    kind: 'MANUAL',
    message: text,
    sentByStaffId: actor.staffId,
    sentAt: actor.at,
    key: null,
  };
  await write.models.reminders.create([reminder], { session: write.session });
  return reminder;
}
