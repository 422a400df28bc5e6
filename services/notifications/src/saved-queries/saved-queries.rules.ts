import { hasRole, type HeliClaims } from '@heli/auth';
import { textProblem } from '@heli/subgraph-runtime';
import { Kind, parse, type DocumentNode } from 'graphql';
import type { SavedQueryRecord } from './saved-query.model.js';

export const SAVED_QUERY_LIMITS = {
  name: 60,
  description: 500,
  /** Characters of the GraphQL document; the gateway's own limits judge its depth and cost. */
  document: 20_000,
  /** Characters of the variables' JSON text. */
  variables: 5_000,
} as const;

export interface SavedQueryInput {
  name: string;
  description?: string | null;
  document: string;
  variables?: string | null;
  shared: boolean;
}

type Viewer = Pick<HeliClaims, 'sub' | 'officeId' | 'roles'>;

/** Analysts keep queries; anyone may run the ones shared with their office. */
export function savingRefusal(viewer: Viewer): string | null {
  return hasRole(viewer, 'ANALYST') ? null : '只有分析人员可以保存查询';
}

/** Only the owner changes or deletes a saved query, shared or not. */
export function editingRefusal(viewer: Viewer, query: SavedQueryRecord): string | null {
  return query.ownerStaffId === viewer.sub ? null : '只有查询的创建人可以修改或删除它';
}

/** The owner sees their own; the office sees the shared ones; nobody outside the office does. */
export function canSee(viewer: Viewer, query: SavedQueryRecord): boolean {
  return query.ownerStaffId === viewer.sub || (query.shared && query.officeId === viewer.officeId);
}

/** The filter for the queries `viewer` may see, narrowed to their own when `mineOnly`. */
export function visibleFilter(viewer: Viewer, mineOnly: boolean) {
  return mineOnly
    ? { ownerStaffId: viewer.sub }
    : { $or: [{ ownerStaffId: viewer.sub }, { officeId: viewer.officeId, shared: true }] };
}

function parsed(document: string): DocumentNode | string {
  try {
    return parse(document, { noLocation: true });
  } catch (error) {
    return `查询语句有语法错误：${(error as Error).message}`;
  }
}

/** Why the document cannot be kept as a saved query: it must read, in one operation. */
export function documentProblem(document: string): string | null {
  if (document.trim() === '') return '查询语句不能为空';
  if (document.length > SAVED_QUERY_LIMITS.document) {
    return `查询语句不能超过 ${SAVED_QUERY_LIMITS.document} 个字符`;
  }
  const ast = parsed(document);
  if (typeof ast === 'string') return ast;
  const operations = ast.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1) return '查询语句须恰好包含一个操作';
  if (operations[0]!.operation !== 'query') return '只能保存查询（query），不能保存变更或订阅';
  return null;
}

/** Why the variables cannot be kept: JSON object text, within the limit. */
export function variablesProblem(variables: string): string | null {
  if (variables.length > SAVED_QUERY_LIMITS.variables) {
    return `查询变量不能超过 ${SAVED_QUERY_LIMITS.variables} 个字符`;
  }
  let value: unknown;
  try {
    value = JSON.parse(variables);
  } catch {
    return '查询变量须是 JSON 对象';
  }
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? null
    : '查询变量须是 JSON 对象';
}

/** Every problem with the input at once, for `rejectProblems`. */
export function savedQueryProblems(input: SavedQueryInput): (string | null)[] {
  return [
    textProblem('查询名称', input.name, SAVED_QUERY_LIMITS.name),
    textProblem('说明', input.description ?? '', SAVED_QUERY_LIMITS.description, {
      required: false,
    }),
    documentProblem(input.document),
    variablesProblem(normalVariables(input.variables)),
  ];
}

/** Absent or blank variables are kept as `{}`, so a runner can always parse them. */
export function normalVariables(variables: string | null | undefined): string {
  return variables == null || variables.trim() === '' ? '{}' : variables.trim();
}
