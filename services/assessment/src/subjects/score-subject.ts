import type { ScoredItem } from '../scoring-events/scorable-events.js';

/**
 * The federated types a score entry or a sampled item can be about. Each is owned by another
 * subgraph, which resolves it by id and returns null to a caller who may not see it; assessment
 * hands over the type and id only, so nothing of the subject is copied here.
 */
export type ScoreSubjectType =
  | 'Assignment'
  | 'Difficulty'
  | 'Document'
  | 'InfoSubmission'
  | 'CatalogEntry'
  | 'MeetingDecision'
  | 'Achievement'
  | 'AchievementUse'
  | 'WorkflowCase';

/** A reference to an entity of another subgraph, as the gateway resolves a union member. */
export interface ScoreSubjectReference {
  __typename: ScoreSubjectType;
  id: string;
}

const BY_KIND: Record<string, ScoreSubjectType> = {
  MATTER: 'Assignment',
  DIFFICULTY: 'Difficulty',
  CATALOG_ENTRY: 'CatalogEntry',
  INFO_SUBMISSION: 'InfoSubmission',
  MEETING_DECISION: 'MeetingDecision',
  ACHIEVEMENT: 'Achievement',
  ACHIEVEMENT_USE: 'AchievementUse',
};

const text = (data: Record<string, unknown>, name: string): string | null => {
  const value = data[name];
  return typeof value === 'string' && value !== '' ? value : null;
};

/**
 * What an item of work is, as a federated reference: a matter, a difficulty, a catalogue entry…
 * A reading is about its document and a workflow step about its case, so those need the event's
 * data; items nothing in the graph resolves (forum posts, featured issues, findings) have none.
 */
export function scoreSubject(
  item: ScoredItem | null,
  data: Record<string, unknown> | null,
): ScoreSubjectReference | null {
  if (item === null) return null;
  const direct = BY_KIND[item.kind];
  if (direct) return { __typename: direct, id: item.id };
  const id =
    item.kind === 'READING'
      ? data && text(data, 'documentId')
      : item.kind === 'WORKFLOW_STEP'
        ? data && text(data, 'caseId')
        : null;
  if (!id) return null;
  return { __typename: item.kind === 'READING' ? 'Document' : 'WorkflowCase', id };
}
