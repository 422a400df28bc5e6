import { describe, expect, it } from 'vitest';
import { progressReportProblems } from './progress-report.rules.js';

describe('progressReportProblems', () => {
  it('accepts text with a whole percent from 0 to 100', () => {
    expect(progressReportProblems('已完成初稿', 0)).toEqual([]);
    expect(progressReportProblems('已完成', 100)).toEqual([]);
  });

  it('names an empty text and a percent out of range together', () => {
    expect(progressReportProblems(' ', 101)).toEqual([
      '汇报内容不能为空',
      '完成进度应为 0 到 100 的整数，收到 101',
    ]);
    expect(progressReportProblems('过半', 50.5)).toHaveLength(1);
  });
});
