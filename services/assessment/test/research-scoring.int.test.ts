import { createEnvelope, researchEvents } from '@heli/event-contracts';
import { waitFor, type TestMongo } from '@heli/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAssessment, startTestMongo, type Assessment } from './assessment-harness.js';

let mongo: TestMongo;
let assessment: Assessment;

beforeAll(async () => {
  mongo = await startTestMongo();
  assessment = await startAssessment(mongo);
});
afterAll(async () => {
  await assessment?.close();
  await mongo?.stop();
});

const reportCompleted = (topicId: string, onTime: boolean) =>
  createEnvelope(
    researchEvents.researchReportCompleted,
    {
      topicId,
      periodId: 'period-2026-h1',
      topicTitle: onTime ? '优化营商环境调研' : '冰雪经济发展调研',
      reportTitle: '调研报告',
      summary: '',
      reportDocumentId: null,
      classification: 'INTERNAL',
      leadDivisionId: 'div-research',
      coDivisionIds: ['div-general-1', 'div-information'],
      teamStaffIds: ['staff-research-1', 'staff-general-1-1', 'staff-information-1'],
      completedByStaffId: 'staff-research-head',
      completedAt: '2026-06-20T01:00:00.000Z',
      onTime,
    },
    { source: 'interaction', subject: topicId, time: new Date('2026-06-20T01:00:00.000Z') },
  );

describe('scoring joint research (集团作业)', () => {
  it('scores a finished topic to its lead by timeliness and to each division of its pooled team, once under redelivery', async () => {
    const onTime = reportCompleted('topic-a', true);
    const late = reportCompleted('topic-b', false);
    await assessment.publish(onTime);
    await assessment.publish(onTime, `${onTime.id}-redelivered`);
    await assessment.publish(late);
    await waitFor(
      async () =>
        (await assessment.models.scoreEntries.countDocuments({ 'source.eventId': late.id })) === 3,
      { timeoutMs: 30_000, description: 'the late report scored' },
    );
    const scored = async (eventId: string) =>
      (await assessment.models.scoreEntries.find({ 'source.eventId': eventId }).lean())
        .map((entry) => [entry.rule.id, entry.divisionId, entry.points])
        .sort();
    expect(await scored(onTime.id)).toEqual([
      ['research-report-on-time', 'div-research', 3],
      ['research-team-contribution', 'div-general-1', 1],
      ['research-team-contribution', 'div-information', 1],
    ]);
    expect(await scored(late.id)).toEqual([
      ['research-report-late', 'div-research', 1],
      ['research-team-contribution', 'div-general-1', 1],
      ['research-team-contribution', 'div-information', 1],
    ]);
  });
});
