import { textProblem } from '@heli/subgraph-runtime';
import { LONG_TEXT_MAX } from '../assignments/assignment-fields.rules.js';

/** Every problem with a progress report, or none. */
export function progressReportProblems(text: string, percent: number): string[] {
  return [
    textProblem('汇报内容', text, LONG_TEXT_MAX),
    Number.isInteger(percent) && percent >= 0 && percent <= 100
      ? null
      : `完成进度应为 0 到 100 的整数，收到 ${percent}`,
  ].filter((problem) => problem !== null);
}
