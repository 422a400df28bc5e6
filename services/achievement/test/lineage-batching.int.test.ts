import {
  countingCommands,
  startTestMongo,
  withCommandMonitoring,
  type TestMongo,
} from '@heli/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatterRefRecord, WorkOriginRecord } from '../src/lineage/lineage.model.js';
import { PEOPLE, startAchievement, type Achievement } from './achievement-harness.js';

let mongo: TestMongo;
let service: Achievement;

const DECISIONS = 10;
const decisionId = (d: number) => `decision-batch-${d}`;

beforeAll(async () => {
  mongo = await startTestMongo();
  service = await startAchievement({ ...mongo, uri: withCommandMonitoring(mongo.uri) });
  // Decision d led to 1 + d % 3 matters; its first matter split a sub-matter off for a
  // co-organiser; the second matter of decisions 2, 5 and 8 is SECRET (left out for those below).
  const at = (d: number, i: number) => new Date(Date.UTC(2026, 4, 1 + d, i));
  const origins: WorkOriginRecord[] = [];
  const matters: MatterRefRecord[] = [];
  for (let d = 0; d < DECISIONS; d++) {
    origins.push({
      _id: decisionId(d),
      kind: 'MEETING_DECISION',
      title: `第${d + 1}次议政会`,
      text: `决定 ${d}`,
      classification: 'INTERNAL',
      leadDivisionId: 'div-research',
      at: at(d, 0),
    });
    const matter = (id: string, i: number, extra: Partial<MatterRefRecord> = {}) =>
      matters.push({
        _id: id,
        title: `事项 ${id}`,
        source: 'MEETING_DECISION',
        sourceRef: decisionId(d),
        parentAssignmentId: null,
        classification: 'INTERNAL',
        leadDivisionId: 'div-research',
        coDivisionIds: ['div-information'],
        responsibleStaffIds: [PEOPLE.researchHead],
        createdAt: at(d, i + 1),
        completedAt: null,
        ...extra,
      });
    for (let i = 0; i < 1 + (d % 3); i++) {
      matter(`matter-batch-${d}-${i}`, i, {
        classification: d % 3 === 2 && i === 1 ? 'SECRET' : 'INTERNAL',
      });
    }
    matter(`matter-batch-${d}-0-part`, 5, {
      sourceRef: null,
      parentAssignmentId: `matter-batch-${d}-0`,
      leadDivisionId: 'div-information',
    });
  }
  await service.models.workOrigins.insertMany(origins);
  await service.models.matterRefs.insertMany(matters);
});

afterAll(async () => {
  await service?.close();
  await mongo?.stop();
});

const LINEAGE_FIELDS = 'origin { id kind title } matters { matter { id } }';
type LineageData = { origin: { id: string } | null; matters: { matter: { id: string } }[] } | null;

async function lineagesOf(count: number) {
  return countingCommands(
    service.conn,
    async () => {
      const data = await service.ok<{ _entities: { lineage: LineageData }[] }>(
        PEOPLE.director,
        `query($r: [_Any!]!) { _entities(representations: $r) {
          ... on MeetingDecision { lineage { ${LINEAGE_FIELDS} } } } }`,
        {
          r: Array.from({ length: count }, (_, d) => ({
            __typename: 'MeetingDecision',
            id: decisionId(d),
          })),
        },
      );
      return data._entities.map((decision) => decision.lineage);
    },
    { collections: ['lineage_origins', 'lineage_matters'] },
  );
}

describe('MeetingDecision.lineage, for many decisions', () => {
  it('costs the same commands for 2 decisions as for 10, and gives each its own lineage', async () => {
    const few = await lineagesOf(2);
    const all = await lineagesOf(DECISIONS);
    expect(all.commands).toEqual(few.commands);
    expect(all.commands).toEqual([
      'aggregate lineage_matters',
      'aggregate lineage_matters',
      'find lineage_origins',
    ]);
    for (let d = 0; d < DECISIONS; d++) {
      const { lineage } = await service.ok<{ lineage: LineageData }>(
        PEOPLE.director,
        `query($of: ID!) { lineage(of: $of) { ${LINEAGE_FIELDS} } }`,
        { of: decisionId(d) },
      );
      expect(all.result[d]).toEqual(lineage);
      expect(lineage!.origin!.id).toBe(decisionId(d));
      // Each matter followed by the sub-matter split off from it.
      const expected = Array.from({ length: 1 + (d % 3) }, (_, i) => `matter-batch-${d}-${i}`);
      expected.splice(1, 0, `matter-batch-${d}-0-part`);
      expect(lineage!.matters.map((m) => m.matter.id)).toEqual(expected);
    }
  });

  it('leaves out, per decision, the matters above the caller’s clearance', async () => {
    const data = await service.ok<{ _entities: { lineage: LineageData }[] }>(
      PEOPLE.general1Junior,
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on MeetingDecision { lineage { ${LINEAGE_FIELDS} } } } }`,
      { r: [1, 2].map((d) => ({ __typename: 'MeetingDecision', id: decisionId(d) })) },
    );
    expect(data._entities.map((e) => e.lineage!.matters.map((m) => m.matter.id))).toEqual([
      ['matter-batch-1-0', 'matter-batch-1-0-part', 'matter-batch-1-1'],
      ['matter-batch-2-0', 'matter-batch-2-0-part', 'matter-batch-2-2'],
    ]);
  });
});
