import { canRead, type Classification } from '@heli/auth';
import type { DocumentKind } from './documents.model.js';

const INCOMING_KINDS: readonly DocumentKind[] = ['CENTRAL', 'PROVINCIAL', 'MUNICIPAL'];

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
 * Everything wrong with a registration, in words for the person registering. Incoming
 * documents (central, provincial, municipal) need their 文号, issuer and date; nobody may
 * register a document above their own clearance, and only division staff register documents.
 */
export function registrationProblems(input: DocumentRegistration, registrar: Registrar): string[] {
  const problems: string[] = [];
  if (registrar.divisionId === null) problems.push('只有处室工作人员可以登记文件');
  if (input.title.trim().length === 0) problems.push('文件标题不能为空');
  if (input.title.length > 200) problems.push('文件标题不能超过 200 个字');
  if (!canRead(registrar.clearance, input.classification)) {
    problems.push('不能登记高于本人涉密等级的文件');
  }
  if (isIncoming(input.kind)) {
    if (!input.documentNumber?.trim()) problems.push('来文须填写文号');
    if (!input.issuer?.trim()) problems.push('来文须填写发文机关');
    if (!input.issuedOn || !isCalendarDate(input.issuedOn)) {
      problems.push('来文须填写成文日期（YYYY-MM-DD）');
    }
  }
  return problems;
}

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
