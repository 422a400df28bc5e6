import { resolverTypesConfig } from '@heli/subgraph-runtime/codegen';

/**
 * What each type's field resolvers really receive as parent: the lean record (or the view the
 * code builds), so a resolver reading `_id` is checked against the model, and
 * `src/mapped-types.test.ts` checks the fields left to the default resolver. Entities owned by
 * other subgraphs are only ever an id here.
 */
export const mappers = {
  Staff: '../organisation/entity-ref.js#EntityRef',
  Division: '../organisation/entity-ref.js#EntityRef',
  Assignment: '../organisation/entity-ref.js#EntityRef',
  Office: '../organisation/entity-ref.js#EntityRef',
  Document: '../organisation/entity-ref.js#EntityRef',
  CatalogEntry: '../organisation/entity-ref.js#EntityRef',
  Meeting: '../meetings/meeting.model.js#MeetingRecord',
  AgendaItem: '../meetings/meeting.model.js#AgendaItemRecord',
  Deployment: '../meetings/meeting.model.js#Deployment as DeploymentRecord',
  SignIn: '../meetings/meeting.model.js#SignInRecord',
  Absence: '../meetings/meeting.model.js#AbsenceRecord',
  MeetingDecision: '../meetings/meeting.model.js#DecisionRecord',
  ResearchPeriod: '../research/research.model.js#ResearchPeriodRecord',
  ResearchTopic: '../research/research.model.js#ResearchTopicRecord',
  LikelyDuplicate: '../research/research.model.js#DuplicateFlag',
  ResearchMilestone: '../research/research.model.js#MilestoneRecord',
  ResearcherLoad: '../research/research.model.js#ResearcherLoadView',
  WorkflowTemplate: '../workflows/workflow.model.js#TemplateRecord',
  TemplateStep: '../workflows/workflow.model.js#TemplateStep as TemplateStepRecord',
  WorkflowCase: '../workflows/workflow.model.js#CaseRecord',
  WorkflowStep: '../workflows/workflow.model.js#StepRecord',
  KeyWorkItem: '../coordination/coordination.model.js#KeyWorkItemRecord',
  PartnerTask: '../coordination/coordination.model.js#PartnerTaskRecord',
  PartnerTaskProgress: '../coordination/coordination.model.js#PartnerTaskProgressRecord',
  WorkflowStepEvent: '../workflows/workflow.model.js#StepHistoryEntry',
  Work: '../work/work.rules.js#WorkRef',
  WorkWorkflowStep: '../work/work.rules.js#WorkWorkflowStepItem',
  WorkMeetingList: '../work/work.rules.js#WorkMeetingList as WorkMeetingListData',
};

// Annotated so the declaration names the type through the runtime rather than a path into
// graphql-codegen's own packages, which this service does not depend on (TS2742).
const config: ReturnType<typeof resolverTypesConfig> = resolverTypesConfig({
  contextType: 'InteractionContext',
  mappers,
});

export default config;
