import type { EventEnvelope } from '@heli/event-contracts';
import { uniqueDbName, uniqueNamespace, waitFor, type TestMongo } from '@heli/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../src/common/seeded-random.js';
import {
  PEOPLE,
  startAssessment,
  startEventPublisher,
  startTestMongo,
  type Assessment,
} from './assessment-harness.js';
import {
  entryCited,
  matterCompleted,
  matterOverdue,
  readingAcknowledged,
} from './event-builders.js';

const DIVISIONS = [
  'div-general-1',
  'div-general-2',
  'div-research',
  'div-legal',
  'div-information',
];

/** 1,000 events over a year, the same every run; readings hit their monthly caps. */
function thousandEvents(): EventEnvelope[] {
  const random = seededRandom('restart-test');
  return Array.from({ length: 1000 }, (_, i) => {
    const division = DIVISIONS[Math.floor(random() * DIVISIONS.length)]!;
    const at = new Date(
      Date.UTC(2026, 0, 1) + Math.floor(random() * 360 * 86_400_000),
    ).toISOString();
    const id = `restart-${String(i).padStart(4, '0')}`;
    switch (i % 4) {
      case 0:
        return matterCompleted({ leadDivisionId: division, onTime: random() < 0.7, at, id });
      case 1:
        return readingAcknowledged({ divisionId: division, onTime: true, at, id });
      case 2:
        return entryCited({
          sourceDivisionId: division,
          citingDivisionId: 'div-documents',
          at,
          id,
        });
      default:
        return matterOverdue({ leadDivisionId: division, at, id });
    }
  });
}

const LEADERBOARD = `query { leaderboard(period: "2026") { rank points division { id } score { byCategory { category points } } } }`;

async function leaderboard(assessment: Assessment) {
  const { body } = await assessment.as(PEOPLE.analyst, LEADERBOARD);
  expect(body.errors).toBeUndefined();
  return body.data;
}

async function allScored(assessment: Assessment, count: number) {
  await waitFor(async () => (await assessment.models.scoringEvents.countDocuments()) === count, {
    timeoutMs: 60_000,
    description: `${count} events stored`,
  });
}

let mongo: TestMongo;
const running: Assessment[] = [];

beforeAll(async () => {
  mongo = await startTestMongo();
});

afterAll(async () => {
  for (const assessment of running) await assessment.close();
  await mongo?.stop();
});

describe('a consumer stopped while events are published', () => {
  it('reaches the same totals after it starts again as a consumer that ran throughout', async () => {
    const events = thousandEvents();

    const uninterrupted = await startAssessment(mongo);
    running.push(uninterrupted);
    for (const event of events) await uninterrupted.publish(event);
    await allScored(uninterrupted, events.length);

    // Same database and namespace, so the restarted service resumes the same durable consumer.
    const dbName = uniqueDbName('assessment-restart');
    const namespace = uniqueNamespace();
    const first = await startAssessment(mongo, { dbName, namespace });
    for (const event of events.slice(0, 100)) await first.publish(event);
    await allScored(first, 100);
    await first.close();

    // Nobody consumes now: the rest waits in the stream.
    const publisher = await startEventPublisher(namespace, uninterrupted.natsUrl);
    for (const event of events.slice(100)) await publisher.publish(event);
    await publisher.close();

    const restarted = await startAssessment(mongo, { dbName, namespace });
    running.push(restarted);
    await allScored(restarted, events.length);

    expect(await leaderboard(restarted)).toEqual(await leaderboard(uninterrupted));
    expect(await restarted.models.scoreEntries.countDocuments()).toBe(
      await uninterrupted.models.scoreEntries.countDocuments(),
    );
  });
});
