import { resolverTypesConfig } from '@heli/subgraph-runtime/codegen';

/**
 * What each type's field resolvers receive as parent; `src/mapped-types.test.ts` checks the
 * fields left to the default resolver. Aliased where the TypeScript name is the GraphQL type's
 * own: the generated file declares that.
 */
export const mappers = {
  Division: '../divisions/division-reference.js#DivisionReference',
  AchievementUse: '../item-scores/use-reference.js#UseReference',
  ScoringRuleSet: '../scoring-rules/scoring-rule.js#ScoringRuleSet as ScoringRuleSetData',
  ScoringRule: '../scoring-rules/scoring-rule.js#ScoringRule as ScoringRuleData',
  ScoreEntry: '../ledger/ledger.model.js#ScoreEntryRecord',
  DivisionScore: '../ledger/division-score.js#DivisionScoreView',
  LeaderboardRow: '../ledger/division-score.js#LeaderboardRowView',
  Recompute: '../recompute/recompute.commands.js#RecomputeResult',
  DivisionScoreChange:
    '../recompute/recompute.commands.js#DivisionScoreChange as DivisionScoreChangeData',
  Inspection: '../inspections/inspections.model.js#InspectionRecord',
  InspectionFinding: '../inspections/inspections.model.js#InspectionFindingRecord',
  Evaluation: '../evaluations/evaluation-view.js#EvaluationView',
  InspectedItem: '../scoring-events/scorable-events.js#ScoredItem',
  Statistics: '../statistics/statistics.resolvers.js#StatisticsRef',
  RuleScore: '../statistics/statistics.resolvers.js#RuleScoreGroup',
  PublishedEvaluation: '../evaluations/evaluations.model.js#PublishedEvaluationRecord',
};

// Annotated so the declaration names the type through the runtime, not through graphql-codegen's
// own packages, which this service does not depend on (TS2742).
const config: ReturnType<typeof resolverTypesConfig> = resolverTypesConfig({
  contextType: 'AssessmentContext',
  mappers,
});

export default config;
