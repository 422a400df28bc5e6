import { on } from '@heli/event-bus';
import { interactionEvents, liaisonEvents, sharingEvents } from '@heli/event-contracts';
import type { EventSubscription, SubgraphRuntime } from '@heli/subgraph-runtime';
import type { ClientSession } from 'mongoose';
import { createAssignment } from '../assignments/assignments.commands.js';
import type { AssignmentSource } from '../assignments/assignment.model.js';
import { matterWriteIn } from '../assignments/matter-write.js';
import type { ResponsibilityModels } from '../models.js';
import {
  matterFromDecision,
  matterFromInstruction,
  matterFromOfficeAssignment,
  type IntakeMatter,
} from './intake.rules.js';

export const INTAKE_CONSUMER = 'responsibility-intake';

/**
 * Turns a leader's instruction on a document (sharing), a meeting decision (interaction) and a
 * matter a higher office assigned (liaison) into an assigned matter, exactly once each. The consumer's processed-event record stops a redelivered
 * event; the matter's (source, sourceRef) — checked here and unique in the database — stops the
 * same instruction arriving in a second event (a republish, a replay after a rebuild).
 */
export function responsibilityIntake(
  runtime: SubgraphRuntime<ResponsibilityModels>,
  { defaultDeadlineDays }: { defaultDeadlineDays: number },
): EventSubscription {
  const logger = runtime.logger.child({ component: INTAKE_CONSUMER });

  async function intake(
    session: ClientSession,
    source: AssignmentSource,
    sourceRef: string,
    made: IntakeMatter | null,
  ): Promise<void> {
    if (made === null) {
      logger.info({ source, sourceRef }, 'no lead division named; no matter assigned');
      return;
    }
    const existing = await runtime.models.assignments
      .exists({ source, sourceRef })
      .session(session);
    if (existing) return;
    await createAssignment(
      matterWriteIn(runtime, session),
      made.matter,
      { source, sourceRef, parentId: null },
      { staffId: made.assignedByStaffId, at: made.assignedAt },
    );
  }

  return {
    consumerName: INTAKE_CONSUMER,
    handlers: {
      ...on(sharingEvents.instructionIssued, ({ data }, { session }) =>
        intake(
          session,
          'INSTRUCTION',
          data.instructionId,
          matterFromInstruction(data, defaultDeadlineDays),
        ),
      ),
      ...on(interactionEvents.meetingDecisionRecorded, ({ data }, { session }) =>
        intake(
          session,
          'MEETING_DECISION',
          data.decisionId,
          matterFromDecision(data, defaultDeadlineDays),
        ),
      ),
      ...on(liaisonEvents.officeAssignmentAccepted, ({ data }, { session }) =>
        intake(session, 'HIGHER_OFFICE', data.officeAssignmentId, matterFromOfficeAssignment(data)),
      ),
    },
  };
}
