import { createEnvelope, researchEvents } from '@heli/event-contracts';
import { startTestMongo, waitFor, type TestMongo } from '@heli/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftIdOfResearch } from '../src/lineage/draft-from-research.js';
import { PEOPLE, startAchievement, type Achievement } from './achievement-harness.js';

let mongo: TestMongo;
let service: Achievement;

const reportCompleted = createEnvelope(
  researchEvents.researchReportCompleted,
  {
    topicId: 'research-topic-1',
    periodId: 'research-period-2026h1',
    topicTitle: '优化营商环境专题调研',
    reportTitle: '关于优化营商环境的调研报告',
    summary: '梳理短板，提出十项建议。',
    reportDocumentId: 'document-report-1',
    classification: 'INTERNAL',
    leadDivisionId: 'div-research',
    coDivisionIds: ['div-legal'],
    teamStaffIds: [PEOPLE.research1, PEOPLE.legal1],
    completedByStaffId: PEOPLE.researchHead,
    completedAt: '2026-06-20T02:00:00.000Z',
    onTime: true,
  },
  { source: 'interaction', subject: 'research-topic-1' },
);

const REPORT = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on ResearchTopic { report { id kind status title } } } }`;

beforeAll(async () => {
  mongo = await startTestMongo();
  service = await startAchievement(mongo);
  await service.publish(reportCompleted);
  // Delivered again by another relay: the draft is still offered once.
  await service.publish(reportCompleted, `${reportCompleted.id}-again`);
  await waitFor(
    () => service.models.achievements.exists({ _id: draftIdOfResearch('research-topic-1') }),
    { timeoutMs: 30_000, description: 'the draft offered from the finished research report' },
  );
});
afterAll(async () => {
  await service?.close();
  await mongo?.stop();
});

describe('a finished research report', () => {
  it('offers the topic’s lead division one draft research report, with the team as authors', async () => {
    expect(
      await service.models.achievements.countDocuments({ 'origin.id': 'research-topic-1' }),
    ).toBe(1);
    const { achievement } = await service.ok<{ achievement: Record<string, unknown> | null }>(
      PEOPLE.research1,
      `query($id: ID!) { achievement(id: $id) {
        status kind title document { id } leadDivision { id } coDivisions { id } authors { id }
        origin { kind id } } }`,
      { id: draftIdOfResearch('research-topic-1') },
    );
    expect(achievement).toEqual({
      status: 'DRAFT',
      kind: 'RESEARCH_REPORT',
      title: '关于优化营商环境的调研报告',
      document: { id: 'document-report-1' },
      leadDivision: { id: 'div-research' },
      coDivisions: [{ id: 'div-legal' }],
      authors: [{ id: PEOPLE.research1 }, { id: PEOPLE.legal1 }],
      origin: { kind: 'RESEARCH_TOPIC', id: 'research-topic-1' },
    });
  });

  it('becomes the topic’s report once the division confirms it', async () => {
    const report = async () =>
      (
        await service.ok<{ _entities: [{ report: Record<string, unknown> | null }] }>(
          PEOPLE.director,
          REPORT,
          { r: [{ __typename: 'ResearchTopic', id: 'research-topic-1' }] },
        )
      )._entities[0].report;
    expect(await report()).toBeNull(); // a draft is not yet the topic's report
    await service.ok(
      PEOPLE.researchHead,
      `mutation($input: PublishAchievementDraftInput!) { publishAchievementDraft(input: $input) { id } }`,
      {
        input: {
          id: draftIdOfResearch('research-topic-1'),
          kind: 'RESEARCH_REPORT',
          title: '关于优化营商环境的调研报告',
          summary: '梳理短板，提出十项建议。',
          keywords: ['营商环境'],
        },
      },
    );
    expect(await report()).toEqual({
      id: draftIdOfResearch('research-topic-1'),
      kind: 'RESEARCH_REPORT',
      status: 'PUBLISHED',
      title: '关于优化营商环境的调研报告',
    });
  });
});
