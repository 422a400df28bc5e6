import { randomUUID } from 'node:crypto';
import {
  assignmentEvents,
  createEnvelope,
  responsibilityEvents,
  sharingEvents,
} from '@heli/event-contracts';

/** Envelopes as responsibility and sharing publish them, with only what a test cares about. */

export function matterCompleted({
  leadDivisionId,
  onTime,
  at,
  id = randomUUID(),
}: {
  leadDivisionId: string;
  onTime: boolean;
  at: string;
  id?: string;
}) {
  const assignmentId = `matter-${id}`;
  return createEnvelope(
    assignmentEvents.assignmentCompleted,
    {
      assignmentId,
      parentAssignmentId: null,
      leadDivisionId,
      coDivisionIds: [],
      classification: 'INTERNAL',
      deadline: at,
      actorStaffId: 'staff-executive-deputy',
      at,
      completedAt: at,
      onTime,
    },
    { id, source: 'responsibility', subject: assignmentId, time: new Date(at) },
  );
}

export function matterOverdue({
  leadDivisionId,
  at,
  id = randomUUID(),
}: {
  leadDivisionId: string;
  at: string;
  id?: string;
}) {
  const assignmentId = `matter-${id}`;
  return createEnvelope(
    assignmentEvents.assignmentOverdue,
    {
      assignmentId,
      parentAssignmentId: null,
      leadDivisionId,
      coDivisionIds: [],
      classification: 'INTERNAL',
      deadline: at,
      detectedAt: at,
    },
    { id, source: 'responsibility', subject: assignmentId, time: new Date(at) },
  );
}

export function entryCited({
  sourceDivisionId,
  citingDivisionId,
  at,
  id = randomUUID(),
}: {
  sourceDivisionId: string;
  citingDivisionId: string;
  at: string;
  id?: string;
}) {
  return createEnvelope(
    sharingEvents.catalogEntryCited,
    {
      citationId: `citation-${id}`,
      entryId: `entry-of-${sourceDivisionId}`,
      sourceDivisionId,
      citingDivisionId,
      citedByStaffId: 'staff-research-head',
      citedAt: at,
    },
    { id, source: 'sharing', subject: `entry-of-${sourceDivisionId}`, time: new Date(at) },
  );
}

export function readingAcknowledged({
  divisionId,
  onTime,
  at,
  id = randomUUID(),
}: {
  divisionId: string;
  onTime: boolean;
  at: string;
  id?: string;
}) {
  return createEnvelope(
    sharingEvents.readingAcknowledged,
    {
      readingRequestId: `reading-${id}`,
      documentId: 'doc-1',
      staffId: 'staff-general-1-head',
      divisionId,
      dueAt: at,
      acknowledgedAt: at,
      onTime,
    },
    { id, source: 'sharing', subject: `reading-${id}`, time: new Date(at) },
  );
}

/** Responsibility announcing a division: only announced divisions can be inspected or scored. */
export function divisionCreated({ divisionId, name }: { divisionId: string; name: string }) {
  return createEnvelope(
    responsibilityEvents.divisionCreated,
    { divisionId, officeId: 'office-harbin', name, kind: 'DIVISION', headStaffId: null },
    { source: 'responsibility', subject: divisionId },
  );
}
