import type { AssessmentContext, AssessmentResolvers } from '../context.js';
import { dataFieldsOf, SCORABLE_EVENTS } from '../scoring-events/scorable-events.js';
import { ruleSetHistory } from './active-rule-set.js';
import type { ScoringRule } from './scoring-rule.js';

export const scoringRulesResolvers: AssessmentResolvers = {
  Query: {
    scoringRules: (_: unknown, { year }: { year: number }, ctx: AssessmentContext) =>
      ctx.loaders.activeRuleSet.load(year),
    scoringRuleHistory: (_: unknown, { year }: { year: number }, ctx: AssessmentContext) =>
      ruleSetHistory(ctx.models.ruleSets, year),
    scorableEventTypes: () =>
      SCORABLE_EVENTS.map(({ definition }) => ({
        type: definition.fullType,
        fields: dataFieldsOf(definition.fullType),
      })),
  },
  ScoringRule: {
    condition: (rule: ScoringRule) =>
      rule.condition === null ? null : JSON.stringify(rule.condition),
  },
};
