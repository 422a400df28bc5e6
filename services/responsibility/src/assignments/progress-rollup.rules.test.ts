import { describe, expect, it } from 'vitest';
import { openSubMatterCount, ownProgress, rolledUpProgress } from './progress-rollup.rules.js';

describe('progress roll-up', () => {
  it("is the parent's own progress when it has no sub-matters", () => {
    expect(rolledUpProgress({ status: 'IN_PROGRESS', reportedPercent: 40 }, [])).toBe(40);
  });

  it('weighs the parent and each sub-matter equally, a completed one as 100', () => {
    expect(
      rolledUpProgress({ status: 'IN_PROGRESS', reportedPercent: 60 }, [
        { status: 'COMPLETED', reportedPercent: 80 },
        { status: 'ACCEPTED', reportedPercent: 0 },
      ]),
    ).toBe(53);
  });

  it('leaves cancelled sub-matters out', () => {
    expect(
      rolledUpProgress({ status: 'IN_PROGRESS', reportedPercent: 50 }, [
        { status: 'CANCELLED', reportedPercent: 0 },
        { status: 'IN_PROGRESS', reportedPercent: 70 },
      ]),
    ).toBe(60);
  });

  it('counts a completed matter as done', () => {
    expect(ownProgress({ status: 'COMPLETED', reportedPercent: 90 })).toBe(100);
  });

  it('counts the sub-matters still under way', () => {
    expect(
      openSubMatterCount([
        { status: 'COMPLETED', reportedPercent: 100 },
        { status: 'CANCELLED', reportedPercent: 0 },
        { status: 'RETURNED', reportedPercent: 90 },
      ]),
    ).toBe(1);
  });
});
