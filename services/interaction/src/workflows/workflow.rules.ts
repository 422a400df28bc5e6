import { textProblem } from '@heli/subgraph-runtime';
import type { StepRecord, TemplateStep } from './workflow.model.js';

export const MAX_STEPS = 50;
const KEY = /^[a-z][a-z0-9-]{0,39}$/;

/**
 * Everything wrong with a template's steps, for `rejectProblems`: unique keys, limits a calendar
 * can count, `next` naming existing steps, every step reachable from the first, and no cycle — a
 * step goes back only by being returned at run time, never by the template's own arrows.
 */
export function templateProblems(name: string, steps: readonly TemplateStep[]): string[] {
  const problems: (string | null)[] = [textProblem('流程名称', name, 100)];
  if (steps.length === 0) return [...problems, '流程至少要有一个环节'].filter((p) => p !== null);
  if (steps.length > MAX_STEPS) problems.push(`流程环节不能超过 ${MAX_STEPS} 个`);
  const keys = new Set<string>();
  for (const step of steps) {
    if (!KEY.test(step.key)) problems.push(`环节标识“${step.key}”只能用小写字母、数字和连字符`);
    if (keys.has(step.key)) problems.push(`环节标识“${step.key}”重复`);
    keys.add(step.key);
    problems.push(
      textProblem(`环节“${step.key}”的名称`, step.name, 50),
      textProblem(`环节“${step.key}”的标准`, step.standard, 1_000, { required: false }),
      textProblem(`环节“${step.key}”的数量要求`, step.quantity, 200, { required: false }),
    );
    const { unit, amount } = step.timeLimit;
    const max = unit === 'WORKING_DAYS' ? 250 : 2_000;
    if (!(amount > 0 && amount <= max) || (unit === 'WORKING_DAYS' && !Number.isInteger(amount))) {
      problems.push(
        `环节“${step.key}”的时限须为 1–${max} 个${unit === 'WORKING_DAYS' ? '工作日' : '工作小时'}`,
      );
    }
  }
  for (const step of steps) {
    for (const next of step.next) {
      if (!keys.has(next)) problems.push(`环节“${step.key}”的后续环节“${next}”不存在`);
    }
  }
  const found = problems.filter((p) => p !== null);
  if (found.length > 0) return found;
  const cycle = findCycle(steps);
  if (cycle) return [`流程存在循环：${cycle.join(' → ')}`];
  const unreachable = unreachableSteps(steps);
  if (unreachable.length > 0) return [`从第一个环节到达不了：${unreachable.join('、')}`];
  return [];
}

/** A cycle through the steps' `next` arrows, as the keys along it (first repeated), or null. */
export function findCycle(steps: readonly TemplateStep[]): string[] | null {
  const byKey = new Map(steps.map((step) => [step.key, step]));
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (key: string): string[] | null => {
    if (state.get(key) === 'done') return null;
    if (state.get(key) === 'visiting') return [...path.slice(path.indexOf(key)), key];
    state.set(key, 'visiting');
    path.push(key);
    for (const next of byKey.get(key)?.next ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(key, 'done');
    return null;
  };
  for (const step of steps) {
    const cycle = visit(step.key);
    if (cycle) return cycle;
  }
  return null;
}

function unreachableSteps(steps: readonly TemplateStep[]): string[] {
  const byKey = new Map(steps.map((step) => [step.key, step]));
  const seen = new Set<string>();
  const queue = [steps[0]!.key];
  while (queue.length > 0) {
    const key = queue.shift()!;
    if (seen.has(key)) continue;
    seen.add(key);
    queue.push(...(byKey.get(key)?.next ?? []));
  }
  return steps.filter((step) => !seen.has(step.key)).map((step) => step.key);
}

/** The step that follows a completed one: its only `next`, the one chosen at a branch, or none. */
export function nextStepKey(
  step: TemplateStep,
  chosen: string | null,
): { key: string | null } | { problem: string } {
  if (step.next.length === 0) return { key: null };
  if (step.next.length === 1 && (chosen === null || chosen === step.next[0]))
    return { key: step.next[0]! };
  if (chosen === null) return { problem: `请选择下一环节：${step.next.join('、')}` };
  if (!step.next.includes(chosen)) return { problem: `“${chosen}”不是“${step.name}”的后续环节` };
  return { key: chosen };
}

export interface ProcessFigures {
  completed: number;
  medianHours: number | null;
  p90Hours: number | null;
  onTimeRate: number | null;
}

/**
 * 过程控制 figures of completed steps: median and 90th-percentile duration (nearest-rank) and the
 * share completed by their due time.
 */
export function processFigures(
  steps: readonly { durationMs: number; onTime: boolean }[],
): ProcessFigures {
  if (steps.length === 0)
    return { completed: 0, medianHours: null, p90Hours: null, onTimeRate: null };
  const sorted = steps.map((s) => s.durationMs).sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
  const hours = (ms: number) => Math.round((ms / 3_600_000) * 100) / 100;
  return {
    completed: steps.length,
    medianHours: hours(rank(0.5)),
    p90Hours: hours(rank(0.9)),
    onTimeRate: steps.filter((s) => s.onTime).length / steps.length,
  };
}

/**
 * Whose to-do list an open step is on: the person who claimed it or was handed it, else its
 * responsible division as a whole; a closed step is on nobody's.
 */
export function waitingOn(
  step: Pick<StepRecord, 'status' | 'assigneeStaffId' | 'responsibleDivisionId'>,
): string | null {
  if (step.status !== 'OPEN' && step.status !== 'CLAIMED') return null;
  return step.assigneeStaffId !== null
    ? staffWaitingKey(step.assigneeStaffId)
    : divisionWaitingKey(step.responsibleDivisionId);
}

export function staffWaitingKey(staffId: string): string {
  return `staff:${staffId}`;
}

export function divisionWaitingKey(divisionId: string): string {
  return `division:${divisionId}`;
}
