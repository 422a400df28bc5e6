import { describe, expect, it } from 'vitest';
import { scoreSubject } from './score-subject.js';

describe('what a score or a sampled item is about', () => {
  it('names a matter, a difficulty or an information item by its own id', () => {
    expect(scoreSubject({ kind: 'MATTER', id: 'a-1' }, null)).toEqual({
      __typename: 'Assignment',
      id: 'a-1',
    });
    expect(scoreSubject({ kind: 'DIFFICULTY', id: 'd-1' }, {})).toEqual({
      __typename: 'Difficulty',
      id: 'd-1',
    });
    expect(scoreSubject({ kind: 'INFO_SUBMISSION', id: 'i-1' }, {})).toEqual({
      __typename: 'InfoSubmission',
      id: 'i-1',
    });
  });

  it('names the document of a reading and the case of a workflow step, from the event', () => {
    expect(
      scoreSubject(
        { kind: 'READING', id: 'r-1' },
        { readingRequestId: 'r-1', documentId: 'doc-1' },
      ),
    ).toEqual({ __typename: 'Document', id: 'doc-1' });
    expect(scoreSubject({ kind: 'WORKFLOW_STEP', id: 's-1' }, { caseId: 'case-1' })).toEqual({
      __typename: 'WorkflowCase',
      id: 'case-1',
    });
    expect(scoreSubject({ kind: 'READING', id: 'r-1' }, null)).toBeNull();
  });

  it('has none for items nothing in the graph resolves, or no item', () => {
    expect(scoreSubject({ kind: 'FORUM_POST', id: 'p-1' }, {})).toBeNull();
    expect(scoreSubject({ kind: 'FEATURED_ISSUE', id: 'f-1' }, {})).toBeNull();
    expect(scoreSubject(null, {})).toBeNull();
  });
});
