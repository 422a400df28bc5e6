import { describe, expect, it } from 'vitest';
import { segment } from './segmenter.js';

describe('segment', () => {
  it('splits Chinese text into words and the parts of long words', () => {
    const terms = segment('加强资源共享，严格执行保密规定');
    expect(terms).toEqual(expect.arrayContaining(['资源', '共享', '资源共享', '保密', '规定']));
  });

  it('drops punctuation, spaces and stop words, and lower-cases latin letters', () => {
    expect(segment('政务资源的整合， OA 系统')).toEqual(['政务', '资源', '整合', 'oa', '系统']);
  });
});
