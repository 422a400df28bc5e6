import { canRead, type Classification } from '@heli/auth';
import { textProblem } from '@heli/subgraph-runtime';
import { lengthProblem, MAX_BODY_LENGTH } from '../schema/text-limits.js';
import type { DocumentKind } from './documents.model.js';

export const INCOMING_KINDS: readonly DocumentKind[] = ['CENTRAL', 'PROVINCIAL', 'MUNICIPAL'];

export function isIncoming(kind: DocumentKind): boolean {
  return INCOMING_KINDS.includes(kind);
}

export interface DocumentRegistration {
  kind: DocumentKind;
  title: string;
  documentNumber?: string | null;
  issuer?: string | null;
  issuedOn?: string | null;
  body?: string | null;
  classification: Classification;
}

export interface Registrar {
  divisionId: string | null;
  clearance: Classification;
}

/**
 * Why the registrar may not register this document at all, or null: only division staff
 * register documents, and nobody above their own clearance. A refusal, not a mistake in the
 * input, so it is answered FORBIDDEN.
 */
export function registrationRefusal(
  input: Pick<DocumentRegistration, 'classification'>,
  registrar: Registrar,
): string | null {
  if (registrar.divisionId === null) return '只有处室工作人员可以登记文件';
  if (!canRead(registrar.clearance, input.classification)) return '不能登记高于本人涉密等级的文件';
  return null;
}

/**
 * Everything wrong with a registration, in words for the person registering. Incoming
 * documents (central, provincial, municipal) need their 文号, issuer and a date that has come;
 * `now` is when it is registered.
 */
export function registrationProblems(input: DocumentRegistration, now: Date): string[] {
  const problems: string[] = [];
  if (input.kind === 'MEETING_MINUTES') problems.push('会议纪要在会议结束时自动登记，不能手工登记');
  if (input.kind === 'INTER_OFFICE')
    problems.push('其他机关经联络系统发来的公文自动登记为收文，不能手工登记');
  const titleProblem = textProblem('文件标题', input.title, 200);
  if (titleProblem) problems.push(titleProblem);
  const bodyTooLong = lengthProblem(input.body, MAX_BODY_LENGTH, '文件正文');
  if (bodyTooLong) problems.push(bodyTooLong);
  if (isIncoming(input.kind)) {
    const numberProblem = textProblem('来文文号', input.documentNumber ?? '', 100);
    if (numberProblem)
      problems.push(numberProblem === '来文文号不能为空' ? '来文须填写文号' : numberProblem);
    const issuerProblem = textProblem('发文机关', input.issuer ?? '', 100);
    if (issuerProblem)
      problems.push(issuerProblem === '发文机关不能为空' ? '来文须填写发文机关' : issuerProblem);
    if (!input.issuedOn || !isCalendarDate(input.issuedOn)) {
      problems.push('来文须填写成文日期（YYYY-MM-DD）');
    } else if (input.issuedOn > officeDate(now)) {
      problems.push('成文日期不能晚于今天');
    } else if (input.issuedOn < EARLIEST_ISSUE_DATE) {
      problems.push(`成文日期不能早于 ${EARLIEST_ISSUE_DATE}`);
    }
  }
  return problems;
}

/** No document the office registers predates the People's Republic; year 0000 is a typing slip. */
const EARLIEST_ISSUE_DATE = '1949-10-01';

/**
 * The 文号 as one key: full-width and half-width forms folded (NFKC) and spaces dropped, so
 * 哈委纪〔2026〕5号 typed with a stray space or a full-width digit is still the same number.
 */
export function documentNumberKey(documentNumber: string): string {
  return documentNumber.normalize('NFKC').replace(/\s+/gu, '');
}

/**
 * The calendar date at the office (China Standard Time, UTC+8, no daylight saving): a document
 * dated today in Harbin is already tomorrow in UTC terms for most of the morning.
 */
function officeDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
