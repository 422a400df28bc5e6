import { rejectProblems } from '@heli/subgraph-runtime';
import type { AssessmentResolvers } from '../context.js';
import { assessmentYearProblem } from '../periods/period.js';
import { dataFieldsOf, SCORABLE_EVENTS } from '../scoring-events/scorable-events.js';
import { ruleSetHistory } from './active-rule-set.js';

export const scoringRulesResolvers: AssessmentResolvers = {
  Query: {
    scoringRules: (_, { year }, ctx) => {
      rejectProblems([assessmentYearProblem(year)]);
      return ctx.loaders.activeRuleSet.load(year);
    },
    scoringRuleHistory: (_, { year }, ctx) => {
      rejectProblems([assessmentYearProblem(year)]);
      return ruleSetHistory(ctx.models.ruleSets, year);
    },
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
