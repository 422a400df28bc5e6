import { demoDivisions, demoOffices } from '@heli/demo-data';
import { countingCommands, queryPlans } from '@heli/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officialCalendar } from '../src/calendar/official-calendar.js';
import type {
  KeyWorkItemRecord,
  PartnerTaskRecord,
} from '../src/coordination/coordination.model.js';
import { loadDemoInteraction } from '../src/demo/load-demo-interaction.js';
import { staffWaitingKey } from '../src/workflows/workflow.rules.js';
import { DIRECTOR, startInteraction, type Data, type Interaction } from './interaction-harness.js';

/**
 * Every list of the subgraph, and every `_entities` path, costs the same database commands for a
 * page (or a batch of representations) of 10 as of 50. The demo records are copied to have more
 * than 50 of each.
 */
let interaction: Interaction;
let collections: string[];

const COPIES = 55;
const copies = Array.from({ length: COPIES }, (_, i) => i);
const divisionIds = demoDivisions.map((division) => division.id);
const officeIds = demoOffices.map((office) => office.id);

beforeAll(async () => {
  interaction = await startInteraction({ monitorCommands: true });
  const { models, clock, subgraph } = interaction;
  await loadDemoInteraction(subgraph.runtime.runtime, clock.now(), {
    calendar: officialCalendar(),
    minutesReadingDays: 3,
    maxTopicsPerResearcher: 2,
    researchOfficeDivisionId: 'div-research',
  });
  const now = clock.now().getTime();
  const at = (i: number) => new Date(now - i * 60_000);
  const meeting = (await models.meetings.findOne().lean())!;
  const topic = (await models.researchTopics.findOne().lean())!;
  const period = (await models.researchPeriods.findById(topic.periodId).lean())!;
  const kase = (await models.cases.findOne().lean())!;
  const steps = await models.steps.find({ caseId: kase._id }).lean();
  const item: KeyWorkItemRecord = {
    _id: 'kwi-0',
    month: '2026-12',
    title: '重点工作',
    description: '',
    officeId: null,
    classification: 'INTERNAL',
    addedByStaffId: DIRECTOR,
    addedAt: at(0),
  };
  await models.keyWorkItems.insertMany(
    copies.map((i) => ({ ...item, _id: `kwi-copy-${i}`, addedAt: at(i) })),
  );
  await models.meetings.insertMany(
    copies.map((i) => ({
      ...meeting,
      _id: `meeting-copy-${i}`,
      startsAt: at(i),
      attendingDivisionIds: [divisionIds[i % divisionIds.length]!],
      keyWorkItemIds: [`kwi-copy-${i}`],
    })),
  );
  await models.partnerTasks.insertMany(
    copies.map((i): PartnerTaskRecord => ({
      _id: `task-copy-${i}`,
      meetingId: `meeting-copy-${i}`,
      organiserDivisionId: divisionIds[i % divisionIds.length]!,
      title: `协作事项 ${i}`,
      requirements: '',
      classification: 'INTERNAL',
      partnerOfficeId: officeIds[i % officeIds.length]!,
      leadStaffId: DIRECTOR,
      coDivisionIds: [],
      deadline: at(-i),
      keyWorkItemId: `kwi-copy-${i}`,
      status: 'IN_PROGRESS',
      progress: [],
      agreedByStaffId: DIRECTOR,
      agreedAt: at(i),
      completedAt: null,
    })),
  );
  await models.researchPeriods.insertMany(
    copies.map((i) => ({ ...period, _id: `period-copy-${i}`, title: `${period.title} ${i}` })),
  );
  await models.researchTopics.insertMany(
    copies.map((i) => ({
      ...topic,
      _id: `topic-copy-${i}`,
      periodId: `period-copy-${i}`,
      proposingDivisionId: divisionIds[i % divisionIds.length]!,
      proposedAt: at(i),
      mergedIntoTopicId: i > 0 ? `topic-copy-${i - 1}` : null,
    })),
  );
  await models.cases.insertMany(
    copies.map((i) => ({ ...kase, _id: `case-copy-${i}`, startedAt: at(i) })),
  );
  await models.steps.insertMany(
    copies.flatMap((i) =>
      steps.map((step, s) => ({
        ...step,
        _id: `step-copy-${i}-${s}`,
        caseId: `case-copy-${i}`,
        // The first step of each copy waits on the director, so their to-do list is long.
        waitingOn: s === 0 ? staffWaitingKey(DIRECTOR) : step.waitingOn,
      })),
    ),
  );
  collections = Object.values(models)
    .map((model) => model.collection.collectionName)
    .filter((name) => name !== models.directoryStaff.collection.collectionName);
});

afterAll(() => interaction?.close());

async function run(query: string, variables: Record<string, unknown>) {
  return countingCommands(
    interaction.subgraph.conn,
    () => interaction.ok(DIRECTOR, query, variables) as Promise<Data>,
    { collections },
  );
}

/** Runs `query` for 10 and for 50; both must send the same commands and fill their pages. */
async function sameCommandsFor10And50(
  query: string,
  variables: (size: number) => Record<string, unknown>,
  sizeOf: (data: Data) => number,
) {
  const ten = await run(query, variables(10));
  const fifty = await run(query, variables(50));
  // PRINT_COMMANDS=1 prints the figures (commands per request at 10 and at 50) for a report.
  if (process.env['PRINT_COMMANDS']) {
    console.info(`${ten.commands.length}\t${fifty.commands.length}\t${query.slice(0, 70)}`);
  }
  expect(sizeOf(ten.result)).toBe(10);
  expect(sizeOf(fifty.result)).toBe(50);
  expect(fifty.commands).toEqual(ten.commands);
}

const reps = (typename: string, ids: (i: number) => string) => (size: number) => ({
  r: Array.from({ length: size }, (_, i) => ({ __typename: typename, id: ids(i) })),
});

const lists: [name: string, query: string][] = [
  [
    'meetings',
    `query($n: Int) { meetings(first: $n) { totalCount edges { node { id
      decisions { id } keyWorkItems { id } partnerTasks { id } } } } }`,
  ],
  [
    'researchPeriods, with their topics',
    `query($n: Int) { researchPeriods(first: $n) { totalCount edges { node { id
      topics(first: 2) { totalCount edges { node { id } } } } } } }`,
  ],
  [
    'researchTopics',
    `query($n: Int) { researchTopics(first: $n) { totalCount edges { node { id
      period { id } mergedTopics { id } selectedAt { id } } } } }`,
  ],
  [
    'myWorkflowSteps, with each step’s case',
    `query($n: Int) { myWorkflowSteps(first: $n) { totalCount edges { node { id
      case { id template { id } steps { id } } } } } }`,
  ],
];

const entities: [name: string, query: string, variables: (size: number) => object][] = [
  [
    'Division, with its meetings and research topics',
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on Division {
      meetings(first: 2) { totalCount edges { node { id } } }
      researchTopics(first: 2) { totalCount edges { node { id } } } } } }`,
    reps('Division', (i) => divisionIds[i % divisionIds.length]!),
  ],
  [
    'Office, with its partner tasks',
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on Office {
      partnerTasks(first: 2) { totalCount edges { node { id } } } } } }`,
    reps('Office', (i) => officeIds[i % officeIds.length]!),
  ],
  [
    'Meeting',
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on Meeting { id
      decisions { id } keyWorkItems { id } partnerTasks { id } } } }`,
    reps('Meeting', (i) => `meeting-copy-${i}`),
  ],
  [
    'KeyWorkItem',
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on KeyWorkItem { id
      meetings { id } partnerTasks { id } } } }`,
    reps('KeyWorkItem', (i) => `kwi-copy-${i}`),
  ],
  [
    'PartnerTask',
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on PartnerTask { id
      meeting { id } keyWorkItem { id } } } }`,
    reps('PartnerTask', (i) => `task-copy-${i}`),
  ],
  [
    'ResearchPeriod, with its topics',
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on ResearchPeriod { id
      topics(first: 2) { totalCount edges { node { id } } } } } }`,
    reps('ResearchPeriod', (i) => `period-copy-${i}`),
  ],
  [
    'ResearchTopic',
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on ResearchTopic { id
      period { id } mergedTopics { id } } } }`,
    reps('ResearchTopic', (i) => `topic-copy-${i}`),
  ],
  [
    'WorkflowCase',
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on WorkflowCase { id
      template { id } steps { id } } } }`,
    reps('WorkflowCase', (i) => `case-copy-${i}`),
  ],
  [
    'MeetingDecision and Assignment.origin',
    `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on MeetingDecision { id meeting { id } } ... on Assignment { id origin { id } } } }`,
    (size) => ({
      r: Array.from({ length: size }, (_, i) =>
        i % 2 === 0
          ? { __typename: 'MeetingDecision', id: `decision-${i}` }
          : { __typename: 'Assignment', id: `matter-${i}` },
      ),
    }),
  ],
  [
    'Staff, with the caller’s own workflow steps',
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on Staff { id
      workflowSteps(first: 2) { totalCount } } } }`,
    reps('Staff', () => DIRECTOR),
  ],
];

describe('each list costs the same commands for a page of 10 as of 50', () => {
  it.each(lists)('%s', async (name, query) => {
    const field = name.split(',')[0]!;
    await sameCommandsFor10And50(
      query,
      (n) => ({ n }),
      (data) => data[field].edges.length,
    );
  });
});

describe('each _entities path costs the same commands for 10 representations as for 50', () => {
  it.each(entities)('%s', async (_, query, variables) => {
    await sameCommandsFor10And50(
      query,
      (size) => variables(size) as Record<string, unknown>,
      (data) => data._entities.length,
    );
  });
});

describe('every list query is served by an index', () => {
  // A count of every record the caller may see is the one read no index narrows; pages are.
  it.each(lists)('%s', async (_, query) => {
    const { sent } = await run(query.replaceAll('totalCount', ''), { n: 10 });
    const plans = await queryPlans(interaction.subgraph.conn, sent);
    expect(plans.length).toBeGreaterThan(0);
    expect(plans.filter((plan) => plan.includes('COLLSCAN'))).toEqual([]);
  });
});
