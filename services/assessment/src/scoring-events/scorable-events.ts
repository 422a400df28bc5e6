import {
  achievementEvents,
  assessmentEvents,
  assignmentEvents,
  interactionEvents,
  researchEvents,
  sharingEvents,
  type EventDefinition,
} from '@heli/event-contracts';

/** What an event is about, as an inspector samples it: a matter, a reading, a catalogue entry… */
export interface ScoredItem {
  kind: string;
  id: string;
}

interface ScorableEvent {
  definition: EventDefinition;
  /** The item the event is about, for spot-check samples. */
  item(data: Record<string, unknown>): ScoredItem | null;
  /** Every division the event concerns, for finding a division's items. */
  divisionPaths: string[];
  /** What the event was about, in words for a score's explanation (e.g. the case and step). */
  describe?(data: Record<string, unknown>): string | null;
}

/** The kinds of item an inspector may name: what the other contexts' events are about. */
export const INSPECTED_ITEM_KINDS = [
  'MATTER',
  'READING',
  'CATALOG_ENTRY',
  'INFO_SUBMISSION',
  'FEATURED_ISSUE',
  'MEETING_DECISION',
  'DIFFICULTY',
  'ACHIEVEMENT',
  'ACHIEVEMENT_USE',
  'FORUM_POST',
  'WORKFLOW_STEP',
  'RESEARCH_TOPIC',
] as const;
type InspectedItemKind = (typeof INSPECTED_ITEM_KINDS)[number];

const field = (data: Record<string, unknown>, name: string): string | null => {
  const value = data[name];
  return typeof value === 'string' ? value : null;
};
const itemOf =
  (kind: InspectedItemKind | 'INSPECTION_FINDING', idField: string) =>
  (data: Record<string, unknown>): ScoredItem | null => {
    const id = field(data, idField);
    return id === null ? null : { kind, id };
  };

const MATTER = itemOf('MATTER', 'assignmentId');
const matterEvent = (definition: EventDefinition): ScorableEvent => ({
  definition,
  item: MATTER,
  divisionPaths: ['leadDivisionId', 'coDivisionIds[]'],
});

/**
 * The events assessment consumes and keeps in `scoring_events`: every event a scoring rule may
 * name. Rules are data, so an event is stored even when no current rule scores it — a later rule
 * version can, on recompute.
 */
export const SCORABLE_EVENTS: readonly ScorableEvent[] = [
  matterEvent(assignmentEvents.assignmentCreated),
  matterEvent(assignmentEvents.assignmentAccepted),
  matterEvent(assignmentEvents.assignmentProgressReported),
  matterEvent(assignmentEvents.assignmentResultSubmitted),
  matterEvent(assignmentEvents.assignmentCompleted),
  matterEvent(assignmentEvents.assignmentReturned),
  matterEvent(assignmentEvents.assignmentCancelled),
  matterEvent(assignmentEvents.assignmentOverdue),
  matterEvent(assignmentEvents.assignmentEscalated),
  {
    definition: assignmentEvents.difficultyRaised,
    item: itemOf('DIFFICULTY', 'difficultyId'),
    divisionPaths: ['divisionId'],
  },
  {
    definition: assignmentEvents.difficultyResolved,
    item: itemOf('DIFFICULTY', 'difficultyId'),
    divisionPaths: ['divisionId'],
  },
  {
    definition: sharingEvents.readingAcknowledged,
    item: itemOf('READING', 'readingRequestId'),
    divisionPaths: ['divisionId'],
  },
  {
    definition: sharingEvents.readingOverdue,
    item: itemOf('READING', 'readingRequestId'),
    divisionPaths: ['divisionId'],
  },
  {
    definition: sharingEvents.catalogEntryPublished,
    item: itemOf('CATALOG_ENTRY', 'entryId'),
    divisionPaths: ['sourceDivisionId'],
  },
  {
    definition: sharingEvents.catalogEntryCited,
    item: itemOf('CATALOG_ENTRY', 'entryId'),
    divisionPaths: ['sourceDivisionId', 'citingDivisionId'],
  },
  {
    definition: sharingEvents.infoSubmitted,
    item: itemOf('INFO_SUBMISSION', 'submissionId'),
    divisionPaths: ['submitterDivisionId'],
  },
  {
    definition: sharingEvents.infoAdopted,
    item: itemOf('INFO_SUBMISSION', 'submissionId'),
    divisionPaths: ['submitterDivisionId'],
  },
  {
    definition: sharingEvents.infoReturned,
    item: itemOf('INFO_SUBMISSION', 'submissionId'),
    divisionPaths: ['submitterDivisionId'],
  },
  {
    definition: sharingEvents.featuredIssuePublished,
    item: itemOf('FEATURED_ISSUE', 'issueId'),
    divisionPaths: ['items[].sourceDivisionId'],
  },
  {
    definition: interactionEvents.meetingDecisionRecorded,
    item: itemOf('MEETING_DECISION', 'decisionId'),
    divisionPaths: ['leadDivisionId', 'coDivisionIds[]'],
  },
  ...[interactionEvents.workflowStepCompleted, interactionEvents.workflowStepOverdue].map(
    (definition): ScorableEvent => ({
      definition,
      item: itemOf('WORKFLOW_STEP', 'stepId'),
      divisionPaths: ['responsibleDivisionId'],
      describe: (data) => `流程“${field(data, 'caseTitle')}”的“${field(data, 'stepName')}”环节`,
    }),
  ),
  {
    definition: researchEvents.researchReportCompleted,
    item: itemOf('RESEARCH_TOPIC', 'topicId'),
    divisionPaths: ['leadDivisionId', 'coDivisionIds[]'],
    describe: (data) => `调研课题“${field(data, 'topicTitle')}”`,
  },
  {
    definition: achievementEvents.achievementRegistered,
    item: itemOf('ACHIEVEMENT', 'achievementId'),
    divisionPaths: ['leadDivisionId', 'coDivisionIds[]'],
  },
  {
    definition: achievementEvents.useConfirmed,
    item: itemOf('ACHIEVEMENT_USE', 'useId'),
    divisionPaths: ['providerDivisionId', 'userDivisionId'],
  },
  {
    definition: achievementEvents.forumPostAdopted,
    item: itemOf('FORUM_POST', 'postId'),
    divisionPaths: ['authorDivisionId'],
  },
  {
    definition: assessmentEvents.inspectionFindingRecorded,
    item: itemOf('INSPECTION_FINDING', 'findingId'),
    divisionPaths: ['divisionId'],
  },
];

const BY_TYPE = new Map<string, ScorableEvent>(
  SCORABLE_EVENTS.map((scorable) => [scorable.definition.fullType, scorable]),
);

export function findScorableEvent(fullType: string): ScorableEvent | undefined {
  return BY_TYPE.get(fullType);
}

/** The words a score's explanation gives for the event, or null where it has none. */
export function describeScorableEvent(fullType: string, data: unknown): string | null {
  const describe = BY_TYPE.get(fullType)?.describe;
  return describe && typeof data === 'object' && data !== null
    ? describe(data as Record<string, unknown>)
    : null;
}

/** The top-level fields of an event type's data, to check rule conditions and targets against. */
export function dataFieldsOf(fullType: string): string[] {
  const shape = (BY_TYPE.get(fullType)?.definition.data as { shape?: Record<string, unknown> })
    .shape;
  return shape ? Object.keys(shape) : [];
}
