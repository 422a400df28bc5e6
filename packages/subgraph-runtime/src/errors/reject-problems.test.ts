import type { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { rejectProblems } from './reject-problems.js';

function refusal(problems: readonly (string | null)[]): GraphQLError {
  try {
    rejectProblems(problems);
  } catch (error) {
    return error as GraphQLError;
  }
  throw new Error('expected a refusal');
}

describe('rejectProblems', () => {
  it('passes when every check found nothing', () => {
    expect(() => rejectProblems([null, null])).not.toThrow();
  });

  it('names every problem of a form in one BAD_USER_INPUT', () => {
    const error = refusal(['标题不能为空', null, '时限必须晚于当前时间']);
    expect(error.message).toBe('标题不能为空；时限必须晚于当前时间');
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [expect.any(String), expect.any(String)],
    });
  });

  it('names ten problems of twenty thousand and says how many more, not all of them', () => {
    const error = refusal(Array.from({ length: 20_000 }, (_, i) => `找不到工作人员“s-${i}”`));
    expect(error.message.endsWith('；另有 19990 处问题')).toBe(true);
    expect(error.message.length).toBeLessThan(400);
    expect(error.extensions).toMatchObject({ moreProblems: 19_990 });
    expect(error.extensions['problems']).toHaveLength(10);
  });
});
