import type { EventData, assignmentEvents } from '@heli/event-contracts';
import type { AssignmentRecord } from './assignment.model.js';

type AssignmentRef = Pick<
  EventData<typeof assignmentEvents.assignmentAccepted>,
  | 'assignmentId'
  | 'parentAssignmentId'
  | 'leadDivisionId'
  | 'coDivisionIds'
  | 'classification'
  | 'deadline'
>;

/** The matter as every assignment event names it. */
export function assignmentRef(matter: AssignmentRecord): AssignmentRef {
  return {
    assignmentId: matter._id,
    parentAssignmentId: matter.parentId,
    leadDivisionId: matter.leadDivisionId,
    coDivisionIds: [...matter.coDivisionIds],
    classification: matter.classification,
    deadline: matter.deadline.toISOString(),
  };
}

export function assignmentCreatedData(
  matter: AssignmentRecord,
): EventData<typeof assignmentEvents.assignmentCreated> {
  return {
    ...assignmentRef(matter),
    title: matter.title,
    source: matter.source,
    sourceRef: matter.sourceRef,
    assignedByStaffId: matter.assignedByStaffId,
    responsibleStaffIds: [...matter.responsibleStaffIds],
    priority: matter.priority,
    createdAt: matter.createdAt.toISOString(),
  };
}

/** Who did it and when, as the lifecycle events carry it. */
export function actorData(actor: { staffId: string; at: Date }) {
  return { actorStaffId: actor.staffId, at: actor.at.toISOString() };
}
