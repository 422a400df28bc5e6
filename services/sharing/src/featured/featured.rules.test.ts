import { describe, expect, it } from 'vitest';
import { featuredSelectionProblems } from './featured.rules.js';

describe('featuredSelectionProblems', () => {
  it('accepts items that were all found', () => {
    expect(
      featuredSelectionProblems(
        { catalogEntryIds: ['entry-1'], infoSubmissionIds: ['submission-1'] },
        { entryIds: ['entry-1'], adoptedSubmissionIds: ['submission-1'] },
      ),
    ).toEqual([]);
  });

  it('names each unknown entry and unadopted item, without calling the issue empty', () => {
    expect(
      featuredSelectionProblems(
        { catalogEntryIds: ['entry-nope', 'entry-1'], infoSubmissionIds: ['submission-nope'] },
        { entryIds: ['entry-1'], adoptedSubmissionIds: [] },
      ),
    ).toEqual([
      '找不到查阅条目：entry-nope',
      '只能选用已采用的信息，以下信息不存在或未采用：submission-nope',
    ]);
  });

  it('wants at least one item', () => {
    expect(
      featuredSelectionProblems(
        { catalogEntryIds: [], infoSubmissionIds: [] },
        { entryIds: [], adoptedSubmissionIds: [] },
      ),
    ).toEqual(['精品交流至少要有一项内容']);
  });
});
