import { deadLetters } from '@heli/event-bus';
import { assignmentEvents } from '@heli/event-contracts';
import { waitFor, type TestMongo } from '@heli/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCORING_CONSUMER } from '../src/scoring-events/scoring-subscription.js';
import { PEOPLE, startAssessment, startTestMongo, type Assessment } from './assessment-harness.js';
import { entryCited, matterCompleted, matterOverdue } from './event-builders.js';

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

const DIVISION_SCORE = `
  query DivisionScore($representations: [_Any!]!, $period: String!) {
    _entities(representations: $representations) {
      ... on Division {
        id
        score(period: $period) {
          total
          byCategory { category points }
          explanation(first: 50) {
            totalCount
            edges { node { kind points category sourceEvent { id type time } rule { id version ruleSetVersion description } } }
          }
        }
        rank(period: $period)
      }
    }
  }`;

type ScoreData = {
  _entities: Array<{
    id: string;
    score: {
      total: number;
      byCategory: Array<{ category: string; points: number }>;
      explanation: null | {
        totalCount: number;
        edges: Array<{
          node: {
            kind: string;
            points: number;
            category: string;
            sourceEvent: { id: string; type: string; time: string };
            rule: { id: string; version: number; ruleSetVersion: number; description: string };
          };
        }>;
      };
    };
    rank: number;
  }>;
};

async function scoreOf(divisionId: string, period: string, staffId: string = PEOPLE.assessor) {
  const { body } = await assessment.as<ScoreData>(staffId, DIVISION_SCORE, {
    representations: [{ __typename: 'Division', id: divisionId }],
    period,
  });
  return body;
}

async function entriesFor(eventId: string) {
  return assessment.models.scoreEntries.find({ 'source.eventId': eventId }).lean();
}

describe('scoring events from responsibility and sharing', () => {
  it('shows a matter completed on time and a cited catalogue entry in the lead division’s score, explained by those events', async () => {
    const completed = matterCompleted({
      leadDivisionId: 'div-research',
      onTime: true,
      at: '2026-03-02T09:00:00+08:00',
    });
    const cited = entryCited({
      sourceDivisionId: 'div-research',
      citingDivisionId: 'div-legal',
      at: '2026-03-05T09:00:00+08:00',
    });
    await assessment.publish(completed);
    await assessment.publish(cited);

    const body = await waitFor(
      async () => {
        const found = await scoreOf('div-research', '2026-03');
        return found.data?._entities[0]?.score.total === 4 ? found : undefined;
      },
      { description: 'both events scored' },
    );
    expect(body.errors).toBeUndefined();
    const [division] = body.data!._entities;
    expect(division!.score.byCategory).toEqual([
      { category: 'RESPONSIBILITY', points: 3 },
      { category: 'SHARING', points: 1 },
      { category: 'INTERACTION', points: 0 },
      { category: 'ACHIEVEMENT', points: 0 },
    ]);
    expect(division!.score.explanation!.edges.map(({ node }) => node)).toEqual([
      {
        kind: 'RULE',
        points: 3,
        category: 'RESPONSIBILITY',
        sourceEvent: {
          id: completed.id,
          type: assignmentEvents.assignmentCompleted.fullType,
          time: '2026-03-02T01:00:00.000Z',
        },
        rule: {
          id: 'matter-completed-on-time',
          version: 1,
          ruleSetVersion: 1,
          description: '交办事项按时办结（主办处室）',
        },
      },
      {
        kind: 'RULE',
        points: 1,
        category: 'SHARING',
        sourceEvent: { id: cited.id, type: cited.type, time: '2026-03-05T01:00:00.000Z' },
        rule: {
          id: 'catalog-entry-cited',
          version: 1,
          ruleSetVersion: 1,
          description: '查阅条目被其他处室借鉴引用（来源处室）',
        },
      },
    ]);
    expect(division!.rank).toBe(1);
  });

  it('scores the same event once however often it is delivered, under the same or another message id', async () => {
    const event = matterOverdue({ leadDivisionId: 'div-legal', at: '2026-04-01T10:00:00+08:00' });
    await assessment.publish(event);
    await assessment.publish(event);
    await assessment.publish(event, `${event.id}-redelivered-by-another-relay`);
    const marker = matterCompleted({
      leadDivisionId: 'div-legal',
      onTime: false,
      at: '2026-04-02T10:00:00+08:00',
    });
    await assessment.publish(marker);
    await waitFor(async () => (await entriesFor(marker.id)).length === 1, {
      description: 'later event scored',
    });

    const entries = await entriesFor(event.id);
    expect(entries.map(({ _id, points, divisionId }) => ({ _id, points, divisionId }))).toEqual([
      { _id: `${event.id}~matter-overdue~div-legal`, points: -2, divisionId: 'div-legal' },
    ]);
    expect(await assessment.models.scoringEvents.countDocuments({ _id: event.id })).toBe(1);
  });

  it('parks a malformed event as a dead letter and goes on scoring later events', async () => {
    const broken = matterCompleted({
      leadDivisionId: 'div-meetings',
      onTime: true,
      at: '2026-05-01T10:00:00+08:00',
    });
    const { leadDivisionId: _dropped, ...withoutLead } = broken.data;
    await assessment.publishRaw(
      broken.type,
      JSON.stringify({ ...broken, data: withoutLead }),
      broken.id,
    );
    await assessment.publishRaw(broken.type, '{ not json', 'not-json-1');
    const later = matterCompleted({
      leadDivisionId: 'div-meetings',
      onTime: true,
      at: '2026-05-02T10:00:00+08:00',
    });
    await assessment.publish(later);

    await waitFor(async () => (await entriesFor(later.id)).length === 1, {
      description: 'later event scored',
    });
    const letters = await waitFor(async () => {
      const list = await deadLetters(assessment.conn).list({ consumerName: SCORING_CONSUMER });
      return list.length >= 2 ? list : undefined;
    });
    expect(letters.map((letter) => [letter.reason, letter.eventId])).toEqual(
      expect.arrayContaining([
        ['invalid', broken.id],
        ['invalid', null],
      ]),
    );
    expect(await entriesFor(broken.id)).toEqual([]);
    expect(await assessment.models.scoringEvents.exists({ _id: broken.id })).toBeNull();
  });
});

describe('who sees scores', () => {
  const LEADERBOARD = `query Leaderboard($period: String!, $category: ScoreCategory) {
    leaderboard(period: $period, category: $category) { rank points division { id } }
  }`;

  it('shows another division’s total and rank, and refuses only the entries behind it', async () => {
    const own = await scoreOf('div-general-1', '2026', PEOPLE.general1Head);
    expect(own.errors).toBeUndefined();
    const other = await scoreOf('div-research', '2026', PEOPLE.general1Head);
    expect(other.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([
      [['_entities', 0, 'score', 'explanation'], 'FORBIDDEN'],
    ]);
    const research = other.data!._entities[0]!;
    // The refusal nulls the explanation alone: the total, categories and rank are still there.
    expect(research.score.explanation).toBeNull();
    expect(research.score.total).toBe(4);
    expect(research.rank).toBe(1);
  });

  it('shows the leaderboard to every division — analysts and division heads alike', async () => {
    for (const viewer of [PEOPLE.analyst, PEOPLE.general1Head]) {
      const { body } = await assessment.as<{
        leaderboard: Array<{ rank: number; points: number; division: { id: string } }>;
      }>(viewer, LEADERBOARD, { period: '2026' });
      expect(body.errors).toBeUndefined();
      expect(body.data!.leaderboard[0]).toEqual({
        rank: 1,
        points: 4,
        division: { id: 'div-research' },
      });
    }
  });

  it('leaves the rest of a response standing when the leaderboard’s period cannot be read', async () => {
    const { body } = await assessment.as<{
      leaderboard: unknown;
      rules: { version: number } | null;
    }>(
      PEOPLE.general1Head,
      `{ leaderboard(period: "2026-13") { rank }
         rules: scoringRules(year: 2026) { version } }`,
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.data).toMatchObject({ leaderboard: null, rules: { version: expect.any(Number) } });
  });

  it('explains a bad period in words', async () => {
    const { body } = await assessment.as(PEOPLE.analyst, LEADERBOARD, { period: '2026-13' });
    expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(body.errors?.[0]?.message).toContain('2026-Q2');
  });
});
