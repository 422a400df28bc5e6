import { resolverTypesConfig } from '@heli/subgraph-runtime/codegen';

/**
 * What each type's field resolvers receive as parent; `src/mapped-types.test.ts` checks the
 * fields left to the default resolver.
 */
export const mappers = {
  Office: '../offices/offices.model.js#OfficeRecord',
  Division: '../divisions/divisions.model.js#DivisionRecord',
  Staff: '../staff/staff.model.js#StaffRecord',
  CoordinationBody: '../coordination-body/coordination-body.model.js#CoordinationBodyRecord',
  Duty: '../duties/duty.model.js#DutyRecord',
  Assignment: '../assignments/assignment.model.js#AssignmentRecord',
  // Aliased: the generated file declares the SDL types of the same names.
  AssignmentTransition:
    '../assignments/assignment.model.js#AssignmentTransition as AssignmentTransitionRecord',
  AssignmentResult: '../assignments/assignment.model.js#AssignmentResult as AssignmentResultRecord',
  ProgressReport: '../progress-reports/progress-report.model.js#ProgressReportRecord',
  Reminder: '../supervision/reminder.model.js#ReminderRecord',
  Difficulty: '../difficulties/difficulty.model.js#DifficultyRecord',
  LeadershipBoardRow: '../leadership-board/board-figures.rules.js#BoardRow',
  AssignmentSearchResult: '../assignments/assignment-search.js#AssignmentSearchPage',
  AssignmentSearchHit:
    '../assignments/assignment-search.js#AssignmentSearchHit as AssignmentSearchHitView',
  Work: '../work/work.resolvers.js#WorkRef',
  WorkMatter: '../work/work.rules.js#WorkMatterItem',
  WorkDifficulty: '../work/work.rules.js#WorkDifficultyItem',
  WorkReminder: '../work/work.rules.js#WorkReminderItem',
  Instruction: '../origins/instruction-reference.js#InstructionReference',
  Statistics: '../statistics/statistics.resolvers.js#StatisticsRef',
  MatterCount: '../statistics/matter-statistics.rules.js#MatterCount as MatterCountData',
  OnTimeRate: '../statistics/matter-statistics.rules.js#OnTimeRate as OnTimeRateData',
};

// Annotated so the declaration names the type through the runtime, not through graphql-codegen's
// own packages, which this service does not depend on (TS2742).
const config: ReturnType<typeof resolverTypesConfig> = resolverTypesConfig({
  contextType: 'ResponsibilityContext',
  mappers,
});

export default config;
