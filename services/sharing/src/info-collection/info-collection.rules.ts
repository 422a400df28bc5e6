import { textProblem } from '@heli/subgraph-runtime';
import { lengthProblem, MAX_BODY_LENGTH, MAX_NOTE_LENGTH } from '../schema/text-limits.js';
import type { InfoSubmissionStatus } from './info-collection.model.js';

/** Everything wrong with a submission, for the person submitting it. */
export function submissionProblems(input: { title: string; content: string }): string[] {
  const problems: string[] = [];
  const titleProblem = textProblem('信息标题', input.title, 200);
  if (titleProblem) problems.push(titleProblem);
  if (textProblem('信息正文', input.content, MAX_BODY_LENGTH) === '信息正文不能为空') {
    problems.push('信息正文不能为空');
  }
  const contentTooLong = lengthProblem(input.content, MAX_BODY_LENGTH, '信息正文');
  if (contentTooLong) problems.push(contentTooLong);
  return problems;
}

/** The secretariat decides once: only a submitted item can be adopted or returned. */
export function decisionProblem(status: InfoSubmissionStatus): string | null {
  if (status === 'ADOPTED') return '该信息已采用';
  if (status === 'RETURNED') return '该信息已退回';
  return null;
}

/** A returned item needs a reason the submitter can act on. */
export function returnReasonProblem(reason: string): string | null {
  if (reason.trim().length === 0) return '退回时请说明理由';
  return lengthProblem(reason, MAX_NOTE_LENGTH, '退回理由');
}

/**
 * Why the adopter may not adopt this item, or null: adoption scores for the submitting division,
 * so the secretariat does not adopt what its own division submitted.
 */
export function adoptionRefusal(
  submitterDivisionId: string | null,
  adopterDivisionId: string | null,
): string | null {
  return submitterDivisionId !== null && submitterDivisionId === adopterDivisionId
    ? '不能采用本处室报送的信息：采用计入报送处室的得分'
    : null;
}

/** The body of a digest: each item's title and text, numbered, in the order they were adopted. */
export function digestBody(items: readonly { title: string; content: string }[]): string {
  return items.map((item, index) => `${index + 1}. ${item.title}\n${item.content}`).join('\n\n');
}

/** The next run of a schedule after `ranAt`, never in the past even after a long pause. */
export function nextScheduledRun(previous: Date, everyDays: number, ranAt: Date): Date {
  const step = everyDays * 86_400_000;
  let next = previous.getTime() + step;
  while (next <= ranAt.getTime()) next += step;
  return new Date(next);
}

/**
 * Who sees a submission: the secretariat every one; otherwise the submitter, their division, or —
 * for an outside body — the people of that body.
 */
export function submissionVisibilityFilter(
  viewer: { sub: string; divisionId: string | null; officeId: string },
  isSecretariat: boolean,
): Record<string, unknown> {
  if (isSecretariat) return {};
  const own: Record<string, unknown>[] = [{ submittedByStaffId: viewer.sub }];
  own.push(
    viewer.divisionId === null
      ? { submitterOfficeId: viewer.officeId, submitterDivisionId: null }
      : { submitterDivisionId: viewer.divisionId },
  );
  return { $or: own };
}
