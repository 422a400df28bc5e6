import type { AssessmentResolvers } from '../context.js';
import { dataFieldsOf, SCORABLE_EVENTS } from '../scoring-events/scorable-events.js';
import { ruleSetHistory } from './active-rule-set.js';

export const scoringRulesResolvers: AssessmentResolvers = {
  Query: {
    scoringRules: (_, { year }, ctx) => ctx.loaders.activeRuleSet.load(year),
    scoringRuleHistory: (_, { year }, ctx) => ruleSetHistory(ctx.models.ruleSets, year),
    scorableEventTypes: () =>
      SCORABLE_EVENTS.map(({ definition }) => ({
        type: definition.fullType,
        fields: dataFieldsOf(definition.fullType),
      })),
  },
  ScoringRule: {
    condition: (rule) => (rule.condition === null ? null : JSON.stringify(rule.condition)),
  },
};
