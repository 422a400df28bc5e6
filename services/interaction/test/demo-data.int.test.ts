import { interactionEvents } from '@heli/event-contracts';
import { outboxEvents } from '@heli/testkit';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { officialCalendar } from '../src/calendar/official-calendar.js';
import {
  DEMO_HELD_MEETING_ID,
  loadDemoInteraction,
  type DemoInteractionSettings,
} from '../src/demo/load-demo-interaction.js';
import { announceOverdueSteps } from '../src/workflows/overdue-scan.js';
import { startInteraction, type Interaction } from './interaction-harness.js';

let interaction: Interaction;
const settings: DemoInteractionSettings = {
  calendar: officialCalendar(),
  minutesReadingDays: 3,
  maxTopicsPerResearcher: 2,
  researchOfficeDivisionId: 'div-research',
};

beforeAll(async () => {
  interaction = await startInteraction();
});

afterAll(async () => {
  await interaction?.close();
});

it('loads the demo once: a held 议政会 with three 部署 decisions, one next week, eight proposals, a case of each template', async () => {
  const { models, clock, subgraph } = interaction;
  const runtime = subgraph.runtime.runtime;
  const summary = await loadDemoInteraction(runtime, clock.now(), settings);
  expect(summary).toEqual({ meetings: 3, decisions: 3, proposals: 8, cases: 4 });
  expect(await loadDemoInteraction(runtime, clock.now(), settings)).toBeNull();

  const held = (await models.meetings.findById(DEMO_HELD_MEETING_ID).lean())!;
  expect(held.status).toBe('CLOSED');
  expect(held.startsAt.getTime()).toBeLessThan(clock.now().getTime() - 6 * 86_400_000);
  const decided = (await outboxEvents(subgraph.conn, interactionEvents.meetingDecisionRecorded))
    .map((event) => event.data as { meetingId: string; leadDivisionId: string })
    .filter((data) => data.meetingId === DEMO_HELD_MEETING_ID);
  expect(decided.map((data) => data.leadDivisionId).sort()).toEqual([
    'div-information',
    'div-research',
    'div-supervision',
  ]);
  const minutes = (await outboxEvents(subgraph.conn, interactionEvents.minutesPublished)).find(
    (event) => event.subject === DEMO_HELD_MEETING_ID,
  );
  expect((minutes!.data as { absentDivisionIds: string[] }).absentDivisionIds).toEqual([
    'div-legal',
  ]);
  const upcoming = await models.meetings
    .find({ status: 'SCHEDULED', startsAt: { $gt: clock.now() } })
    .lean();
  expect(upcoming.map((m) => m.kind).sort()).toEqual(['DELIBERATION', 'RESEARCH_JOINT']);

  // Of the eight proposals exactly the two on 营商环境 flag each other.
  const topics = await models.researchTopics.find().lean();
  expect(topics).toHaveLength(8);
  const flagged = topics.filter((t) => t.duplicates.length > 0);
  expect(flagged.map((t) => t.title).sort()).toEqual([
    '优化营商环境对策研究',
    '进一步优化我市营商环境的对策研究',
  ]);

  const cases = await models.cases.find({ status: 'RUNNING' }).lean();
  expect(cases.map((c) => c.templateKey).sort()).toEqual([
    'document',
    'meeting',
    'research',
    'supervision',
  ]);
});

it('has one case overdue across the National Day holiday, announced by the scan', async () => {
  const { clock, subgraph } = interaction;
  expect(await announceOverdueSteps(subgraph.runtime.runtime, clock.now())).toBe(1);
  const overdue = (await outboxEvents(subgraph.conn, interactionEvents.workflowStepOverdue)).map(
    (event) => event.data as { caseTitle: string; stepName: string; dueAt: string },
  );
  expect(overdue).toHaveLength(1);
  expect(overdue[0]!.caseTitle).toBe('第四季度综合调研：基层社会治理');
  // Started 30 September at 16:00; five working days skip the whole 国庆 holiday.
  expect(new Date(overdue[0]!.dueAt).getTime()).toBeGreaterThan(
    new Date('2026-10-08T00:00:00+08:00').getTime(),
  );
});
