import { DomainError } from '@heli/subgraph-runtime';
import { lengthProblem, MAX_NOTE_LENGTH } from '../schema/text-limits.js';

/** What happened to the document at one reader: still there, read and passed on, sent back, passed over. */
export type HopAction = 'HOLDING' | 'ACKNOWLEDGED' | 'RETURNED' | 'SKIPPED';

export interface CirculationHop {
  /** Index into the route. */
  position: number;
  staffId: string;
  receivedAt: Date;
  dueAt: Date;
  action: HopAction;
  actedAt: Date | null;
  comment: string | null;
  reason: string | null;
}

export interface CirculationState {
  route: string[];
  hopTimeLimitHours: number;
  /** The route position of the current holder (meaningless once completed). */
  position: number;
  hops: CirculationHop[];
  status: 'IN_PROGRESS' | 'COMPLETED';
  completedAt: Date | null;
}

export class CirculationRuleError extends DomainError {
  override readonly name = 'CirculationRuleError';

  constructor(message: string, code: 'BAD_USER_INPUT' | 'FORBIDDEN' | 'CONFLICT') {
    super(message, { code });
  }
}

export const MAX_ROUTE_LENGTH = 50;
const HOUR = 3_600_000;

/** Problems with a route and time limit, in words for the sender. */
export function routeProblems(route: readonly string[], hopTimeLimitHours: number): string[] {
  const problems: string[] = [];
  if (route.length === 0) problems.push('传阅路线至少要有一位阅件人');
  if (route.length > MAX_ROUTE_LENGTH) problems.push(`传阅路线不能超过 ${MAX_ROUTE_LENGTH} 人`);
  if (new Set(route).size !== route.length) problems.push('传阅路线中同一人不能出现两次');
  if (!Number.isInteger(hopTimeLimitHours) || hopTimeLimitHours < 1 || hopTimeLimitHours > 720) {
    problems.push('每人阅件时限须为 1 到 720 小时的整数');
  }
  return problems;
}

/** The document goes to the first reader of the route. */
export function startCirculation(
  route: string[],
  hopTimeLimitHours: number,
  now: Date,
): CirculationState {
  return {
    route,
    hopTimeLimitHours,
    position: 0,
    hops: [openHop(route, 0, hopTimeLimitHours, now)],
    status: 'IN_PROGRESS',
    completedAt: null,
  };
}

/** The reader holding the document now, or null once the circulation is completed. */
export function currentHop(state: CirculationState): CirculationHop | null {
  const last = state.hops.at(-1);
  return state.status === 'IN_PROGRESS' && last?.action === 'HOLDING' ? last : null;
}

/** The holder read it (已阅); it moves on to the next reader or the circulation completes. */
export function acknowledgeHop(
  state: CirculationState,
  actorStaffId: string,
  comment: string | null,
  now: Date,
): CirculationState {
  const hop = requireHolder(state, actorStaffId);
  const tooLong = lengthProblem(comment, MAX_NOTE_LENGTH, '传阅意见');
  if (tooLong) throw new CirculationRuleError(tooLong, 'BAD_USER_INPUT');
  const closed = { ...hop, action: 'ACKNOWLEDGED' as const, actedAt: now, comment };
  return moveTo(state, closed, [], state.position + 1, now);
}

/** The holder sends it back to the previous reader, with a reason. */
export function returnHop(
  state: CirculationState,
  actorStaffId: string,
  reason: string,
  now: Date,
): CirculationState {
  const hop = requireHolder(state, actorStaffId);
  requireReason(reason);
  if (state.position === 0) throw new CirculationRuleError('第一位阅件人无法退回', 'CONFLICT');
  const closed = { ...hop, action: 'RETURNED' as const, actedAt: now, reason };
  return moveTo(state, closed, [], state.position - 1, now);
}

/**
 * The holder has read it and passes over the next reader (away, not concerned), with a reason;
 * the document goes to the reader after them.
 */
export function skipNextReader(
  state: CirculationState,
  actorStaffId: string,
  reason: string,
  now: Date,
): CirculationState {
  const hop = requireHolder(state, actorStaffId);
  requireReason(reason);
  const skippedPosition = state.position + 1;
  const skippedStaffId = state.route[skippedPosition];
  if (skippedStaffId === undefined) {
    throw new CirculationRuleError('已是最后一位阅件人，没有可跳过的人', 'CONFLICT');
  }
  const closed = { ...hop, action: 'ACKNOWLEDGED' as const, actedAt: now };
  const skipped: CirculationHop = {
    position: skippedPosition,
    staffId: skippedStaffId,
    receivedAt: now,
    dueAt: now,
    action: 'SKIPPED',
    actedAt: now,
    comment: null,
    reason,
  };
  return moveTo(state, closed, [skipped], skippedPosition + 1, now);
}

/** A hop is overdue when it was acted on after its due time, or is still held past it. */
export function isHopOverdue(hop: CirculationHop, now: Date): boolean {
  if (hop.action === 'SKIPPED') return false;
  const end = hop.actedAt ?? now;
  return end.getTime() > hop.dueAt.getTime();
}

export function overdueHopCount(state: CirculationState, now: Date): number {
  return state.hops.filter((hop) => isHopOverdue(hop, now)).length;
}

function moveTo(
  state: CirculationState,
  closed: CirculationHop,
  passedOver: CirculationHop[],
  nextPosition: number,
  now: Date,
): CirculationState {
  const hops = [...state.hops.slice(0, -1), closed, ...passedOver];
  if (nextPosition >= state.route.length) {
    return { ...state, hops, position: nextPosition, status: 'COMPLETED', completedAt: now };
  }
  return {
    ...state,
    position: nextPosition,
    hops: [...hops, openHop(state.route, nextPosition, state.hopTimeLimitHours, now)],
  };
}

function openHop(route: string[], position: number, limitHours: number, now: Date): CirculationHop {
  return {
    position,
    staffId: route[position]!,
    receivedAt: now,
    dueAt: new Date(now.getTime() + limitHours * HOUR),
    action: 'HOLDING',
    actedAt: null,
    comment: null,
    reason: null,
  };
}

function requireHolder(state: CirculationState, actorStaffId: string): CirculationHop {
  const hop = currentHop(state);
  if (hop === null) throw new CirculationRuleError('传阅已完成', 'CONFLICT');
  if (hop.staffId !== actorStaffId) {
    throw new CirculationRuleError('文件当前不在您手中，只有当前阅件人可以办理', 'FORBIDDEN');
  }
  return hop;
}

function requireReason(reason: string): void {
  if (reason.trim().length === 0) throw new CirculationRuleError('请填写理由', 'BAD_USER_INPUT');
  const tooLong = lengthProblem(reason, MAX_NOTE_LENGTH, '理由');
  if (tooLong) throw new CirculationRuleError(tooLong, 'BAD_USER_INPUT');
}
