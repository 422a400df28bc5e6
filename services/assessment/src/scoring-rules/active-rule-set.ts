import type { ClientSession } from 'mongoose';
import { defaultRuleSet } from './default-rule-set.js';
import type { ScoringRuleSet } from './scoring-rule.js';
import type { ScoringRuleSetModel } from './scoring-rules.model.js';

/** The rule set a year's events are scored with now: its latest version, or the defaults. */
export async function activeRuleSet(
  ruleSets: ScoringRuleSetModel,
  year: number,
  session?: ClientSession,
): Promise<ScoringRuleSet> {
  const latest = await ruleSets.findOne({ year }, null, { session }).sort({ version: -1 }).lean();
  if (!latest) return defaultRuleSet(year);
  const { _id: _ignored, ...ruleSet } = latest;
  return ruleSet;
}

/** Every version of a year's rules, oldest first; version 1 is the defaults until stored. */
export async function ruleSetHistory(
  ruleSets: ScoringRuleSetModel,
  year: number,
): Promise<ScoringRuleSet[]> {
  const stored = await ruleSets.find({ year }).sort({ version: 1 }).lean();
  const history: ScoringRuleSet[] = stored.map(({ _id: _ignored, ...ruleSet }) => ruleSet);
  if (history[0]?.version !== 1) history.unshift(defaultRuleSet(year));
  return history;
}
