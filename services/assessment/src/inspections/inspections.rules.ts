import { textProblem } from '@heli/subgraph-runtime';
import { formatPeriod, periodStart, type Period } from '../periods/period.js';
import { INSPECTED_ITEM_KINDS, type ScoredItem } from '../scoring-events/scorable-events.js';
import type { InspectionKind } from './inspections.model.js';

/** In line with the other services: titles 100 characters, free text 5000. */
export const INSPECTION_TITLE_MAX = 100;
export const FINDING_NOTE_MAX = 5000;
export const SPOT_CHECK_SEED_MAX = 100;
export const ITEM_ID_MAX = 200;
/** An inspection is planned for the coming year at most; further out it is a guess, not a plan. */
export const SCHEDULE_HORIZON_MS = 366 * 24 * 60 * 60 * 1000;

const KNOWN_KINDS: readonly string[] = INSPECTED_ITEM_KINDS;

function unknownKindsProblem(kinds: readonly string[]): string | null {
  const unknown = [...new Set(kinds.filter((kind) => !KNOWN_KINDS.includes(kind)))];
  return unknown.length === 0
    ? null
    : `没有“${unknown.join('、')}”这类事项：事项类别应为 ${INSPECTED_ITEM_KINDS.join('、')}`;
}

/** Every problem with a regular inspection to schedule; empty when it can be scheduled. */
export function scheduleInspectionProblems(
  fields: { title: string; period: Period; scheduledFor: Date },
  now: Date,
): string[] {
  const scheduled = fields.scheduledFor.getTime();
  const problems = [
    textProblem('检查名称', fields.title, INSPECTION_TITLE_MAX),
    scheduled < now.getTime() ? '检查时间不能早于当前时间' : null,
    scheduled > now.getTime() + SCHEDULE_HORIZON_MS ? '检查时间最多安排在一年以内' : null,
    // Work that has not begun by the inspection date cannot be inspected on it.
    periodStart(fields.period).getTime() > scheduled
      ? `被检查期间 ${formatPeriod(fields.period)} 在检查时间之后才开始`
      : null,
  ];
  return problems.filter((problem) => problem !== null);
}

/** Every problem with a spot check to start, before its population is drawn. */
export function spotCheckProblems(
  fields: { title: string; period: Period; seed?: string | null; itemKinds?: string[] | null },
  now: Date,
): string[] {
  const problems = [
    textProblem('抽查名称', fields.title, INSPECTION_TITLE_MAX),
    textProblem('抽样种子', fields.seed ?? '', SPOT_CHECK_SEED_MAX, { required: false }),
    unknownKindsProblem(fields.itemKinds ?? []),
    periodStart(fields.period).getTime() > now.getTime()
      ? `考核期间 ${formatPeriod(fields.period)} 尚未开始，没有可抽查的事项`
      : null,
  ];
  return problems.filter((problem) => problem !== null);
}

/**
 * Every problem with a finding. A spot check's item is checked against its sample instead: the
 * sample holds only items that exist, whatever their kind.
 */
export function findingProblems(
  fields: { note: string; item: ScoredItem | null },
  inspectionKind: InspectionKind,
): string[] {
  const { item } = fields;
  const problems = [
    textProblem('检查发现的说明', fields.note, FINDING_NOTE_MAX),
    item !== null ? textProblem('被检查事项的编号', item.id, ITEM_ID_MAX) : null,
    item !== null && inspectionKind === 'REGULAR' ? unknownKindsProblem([item.kind]) : null,
  ];
  return problems.filter((problem) => problem !== null);
}
