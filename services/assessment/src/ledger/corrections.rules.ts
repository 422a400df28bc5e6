import { textProblem } from '@heli/subgraph-runtime';
import { pointsProblem } from './points.rules.js';

export const CORRECTION_REASON_MAX = 5000;

/** Every problem with a correction as asked for; empty when it can be written. */
export function correctionProblems(fields: { points: number; reason: string }): string[] {
  const problems = [
    pointsProblem('更正后的分值', fields.points),
    fields.reason.trim() === ''
      ? '更正记分必须说明理由'
      : textProblem('更正理由', fields.reason, CORRECTION_REASON_MAX),
  ];
  return problems.filter((problem) => problem !== null);
}
