import type { RuleCondition } from './rule-condition.js';

export const SCORE_CATEGORIES = [
  'RESPONSIBILITY',
  'SHARING',
  'INTERACTION',
  'ACHIEVEMENT',
] as const;
export type ScoreCategory = (typeof SCORE_CATEGORIES)[number];

export const CAP_PERIODS = ['MONTH', 'QUARTER', 'YEAR'] as const;
export type CapPeriod = (typeof CAP_PERIODS)[number];

/**
 * One quantified standard (量化评分标准): events of `eventType` whose data meets `condition` earn
 * `points` (negative for a deduction) for the division found at `target`, at most `cap.points`
 * (in absolute value) per division and cap period.
 */
export interface ScoringRule {
  /** Stable across versions, e.g. 'matter-completed-on-time'. */
  id: string;
  /** Bumped whenever anything about the rule changes; ledger entries name the version used. */
  version: number;
  description: string;
  /** Full CloudEvents type, e.g. 'heli.responsibility.assignment.completed.v1'. */
  eventType: string;
  /** Null scores every event of the type. */
  condition: RuleCondition | null;
  points: number;
  /** Where the division is in the event's data, e.g. 'leadDivisionId', 'items[].sourceDivisionId'. */
  target: string;
  category: ScoreCategory;
  cap: { points: number; period: CapPeriod } | null;
}

/** Annual totals at or above which a division earns a grade; below `pass` it fails (不合格). */
export interface GradeThresholds {
  excellent: number;
  good: number;
  pass: number;
}

/** The rules of one assessment year, as of one version. A change makes a new version. */
export interface ScoringRuleSet {
  year: number;
  version: number;
  rules: ScoringRule[];
  grading: GradeThresholds;
  /** Why this version was made; the built-in defaults say so. */
  reason: string;
  createdByStaffId: string | null;
  createdAt: Date;
}

/** A rule as an assessor proposes it: versions are assigned when the set is applied. */
export type ScoringRuleDraft = Omit<ScoringRule, 'version'>;
