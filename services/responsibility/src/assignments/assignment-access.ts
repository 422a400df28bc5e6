import { forbidden, notFound } from '@heli/subgraph-runtime';
import type { ResponsibilityContext } from '../context.js';
import { ACTION_LABELS, actionsFrom, type AssignmentAction } from './assignment-lifecycle.rules.js';
import type { AssignmentRecord } from './assignment.model.js';
import type { Classification } from '@heli/auth';
import {
  canAssign,
  canClassify,
  canSplit,
  canSupervise,
  canTakeAction,
} from './assignment-permissions.rules.js';
import { openSubMatterCount } from './progress-rollup.rules.js';

/**
 * The matter if the viewer may see it. A matter they may not see is NOT_FOUND, exactly like one
 * that does not exist, so its existence does not leak.
 */
export async function loadVisibleMatter(
  ctx: ResponsibilityContext,
  id: string,
): Promise<AssignmentRecord> {
  const matter = await ctx.loaders.assignment.load(id);
  if (!matter) throw notFound(`交办事项“${id}”`);
  return matter;
}

export function requireCanAssign(ctx: ResponsibilityContext): void {
  if (!canAssign(ctx.viewer)) throw forbidden('只有厅领导可以交办事项');
}

export function requireCanClassify(
  ctx: ResponsibilityContext,
  classification: Classification,
): void {
  if (!canClassify(ctx.viewer, classification)) {
    throw forbidden('不能交办密级高于本人涉密等级的事项');
  }
}

export function requireCanTakeAction(
  ctx: ResponsibilityContext,
  matter: AssignmentRecord,
  action: AssignmentAction,
): void {
  if (canTakeAction(ctx.viewer, matter, action)) return;
  const who = isHandlerSideAction(action) ? '主办处室负责人或责任人' : '交办人或厅领导';
  throw forbidden(`只有${who}可以${ACTION_LABELS[action]}`);
}

function isHandlerSideAction(action: AssignmentAction): boolean {
  return action === 'ACCEPT' || action === 'REPORT_PROGRESS' || action === 'SUBMIT_RESULT';
}

export function requireCanSupervise(ctx: ResponsibilityContext, matter: AssignmentRecord): void {
  if (!canSupervise(ctx.viewer, matter))
    throw forbidden('只有交办人或厅领导可以催办或设置汇报频次');
}

export function requireCanSplit(ctx: ResponsibilityContext, matter: AssignmentRecord): void {
  if (!canSplit(ctx.viewer, matter))
    throw forbidden('只有主办处室负责人或厅领导可以拆分协办子事项');
}

/**
 * The lifecycle steps the viewer may take on the matter now. A result cannot be submitted while a
 * sub-matter is still open (the command refuses it), so it is not offered then either.
 */
export async function availableActions(
  ctx: ResponsibilityContext,
  matter: AssignmentRecord,
): Promise<AssignmentAction[]> {
  const actions = actionsFrom(matter.status).filter((action) =>
    canTakeAction(ctx.viewer, matter, action),
  );
  if (!actions.includes('SUBMIT_RESULT')) return actions;
  const children = await ctx.loaders.subMatterProgress.load(matter._id);
  return openSubMatterCount(children) > 0
    ? actions.filter((action) => action !== 'SUBMIT_RESULT')
    : actions;
}
