import { canRead, type Classification } from '@heli/auth';
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
  if (input.title.trim().length === 0) problems.push('文件标题不能为空');
  if (input.title.length > 200) problems.push('文件标题不能超过 200 个字');
  const bodyTooLong = lengthProblem(input.body, MAX_BODY_LENGTH, '文件正文');
  if (bodyTooLong) problems.push(bodyTooLong);
  if (isIncoming(input.kind)) {
    if (!input.documentNumber?.trim()) problems.push('来文须填写文号');
    if (!input.issuer?.trim()) problems.push('来文须填写发文机关');
    if (!input.issuedOn || !isCalendarDate(input.issuedOn)) {
      problems.push('来文须填写成文日期（YYYY-MM-DD）');
    } else if (input.issuedOn > officeDate(now)) {
      problems.push('成文日期不能晚于今天');
    }
  }
  return problems;
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
