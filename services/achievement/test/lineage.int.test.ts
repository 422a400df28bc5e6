import {
  assignmentEvents,
  createEnvelope,
  interactionEvents,
  type EventEnvelope,
} from '@heli/event-contracts';
import { startTestMongo, waitFor, type TestMongo } from '@heli/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftIdOf } from '../src/lineage/draft-from-matter.js';
import {
  PEOPLE,
  REGISTER,
  registration,
  startAchievement,
  type Achievement,
} from './achievement-harness.js';

/** Head of 信息处, the co-organiser given a sub-matter of `matter-open`. */
const INFORMATION_HEAD = 'staff-information-head';

let mongo: TestMongo;
let service: Achievement;

const AT = '2026-06-01T02:00:00.000Z';
const decision = createEnvelope(
  interactionEvents.meetingDecisionRecorded,
  {
    decisionId: 'decision-1',
    meetingId: 'meeting-1',
    meetingKind: 'DELIBERATION',
    meetingTitle: '第十二次议政会',
    text: '就优化营商环境开展专题调研',
    classification: 'INTERNAL',
    leadDivisionId: 'div-research',
    coDivisionIds: [],
    deadline: null,
    recordedByStaffId: PEOPLE.director,
    recordedAt: AT,
  },
  { source: 'interaction', subject: 'decision-1' },
);
const matter = (
  id: string,
  classification: 'INTERNAL' | 'SECRET',
  split?: { from: string; leadDivisionId: string },
) =>
  createEnvelope(
    assignmentEvents.assignmentCreated,
    {
      assignmentId: id,
      parentAssignmentId: split?.from ?? null,
      leadDivisionId: split?.leadDivisionId ?? 'div-research',
      coDivisionIds: split ? [] : ['div-information'],
      classification,
      deadline: '2026-07-01T09:00:00.000Z',
      title: `营商环境专题调研（${id}）`,
      source: 'MEETING_DECISION',
      // A sub-matter split off for a co-organiser names its parent, not the decision.
      sourceRef: split ? null : 'decision-1',
      assignedByStaffId: PEOPLE.director,
      responsibleStaffIds: [PEOPLE.researchHead],
      priority: 'NORMAL',
      createdAt: AT,
    },
    { source: 'responsibility', subject: id },
  );
const completed = createEnvelope(
  assignmentEvents.assignmentCompleted,
  {
    assignmentId: 'matter-open',
    parentAssignmentId: null,
    leadDivisionId: 'div-research',
    coDivisionIds: [],
    classification: 'INTERNAL',
    deadline: '2026-07-01T09:00:00.000Z',
    actorStaffId: PEOPLE.director,
    at: '2026-06-20T02:00:00.000Z',
    completedAt: '2026-06-20T02:00:00.000Z',
    onTime: true,
  },
  { source: 'responsibility', subject: 'matter-open' },
);

beforeAll(async () => {
  mongo = await startTestMongo();
  service = await startAchievement(mongo);
  const events: EventEnvelope[] = [
    decision,
    matter('matter-open', 'INTERNAL'),
    matter('matter-secret', 'SECRET'),
    matter('matter-info-part', 'INTERNAL', {
      from: 'matter-open',
      leadDivisionId: 'div-information',
    }),
    completed,
  ];
  for (const event of events) await service.publish(event);
  // Delivered again by another relay: the draft is still offered once.
  await service.publish(completed, `${completed.id}-again`);
  await waitFor(() => service.models.achievements.exists({ _id: draftIdOf('matter-open') }), {
    timeoutMs: 30_000,
    description: 'the draft offered from the completed matter',
  });
  await waitFor(() => service.models.matterRefs.exists({ _id: 'matter-info-part' }), {
    timeoutMs: 30_000,
    description: 'the sub-matter',
  });
});
afterAll(async () => {
  await service?.close();
  await mongo?.stop();
});

const LINEAGE = `query($of: ID!) { lineage(of: $of) {
  origin { kind id title classification decision { id } }
  matters { matter { id } outputs { id title uses(status: CONFIRMED) { id kind userDivision { id } } } }
} }`;

type LineageData = {
  lineage: {
    origin: { kind: string; id: string } | null;
    matters: { matter: { id: string }; outputs: { id: string; uses: { id: string }[] }[] }[];
  } | null;
};

describe('a completed matter', () => {
  it('offers its lead division one draft achievement, visible to that division only, to confirm', async () => {
    expect(await service.models.achievements.countDocuments({ 'origin.id': 'matter-open' })).toBe(
      1,
    );
    const draft = await service.ok<{
      achievement: { status: string; authors: { id: string }[] } | null;
    }>(PEOPLE.research1, `query($id: ID!) { achievement(id: $id) { status authors { id } } }`, {
      id: draftIdOf('matter-open'),
    });
    expect(draft.achievement).toEqual({ status: 'DRAFT', authors: [{ id: PEOPLE.researchHead }] });
    const other = await service.ok<{ achievement: null }>(
      PEOPLE.legal1,
      `query($id: ID!) { achievement(id: $id) { id } }`,
      { id: draftIdOf('matter-open') },
    );
    expect(other.achievement).toBeNull();
  });
});

describe('the lineage of a decision', () => {
  let outputId: string;
  /** A SECRET output of the INTERNAL matter, and the output of 信息处's sub-matter. */
  let secretOutputId: string;
  let partOutputId: string;
  beforeAll(async () => {
    const published = await service.ok<{ publishAchievementDraft: { id: string } }>(
      PEOPLE.researchHead,
      `mutation($input: PublishAchievementDraftInput!) { publishAchievementDraft(input: $input) { id } }`,
      {
        input: {
          id: draftIdOf('matter-open'),
          kind: 'RESEARCH_REPORT',
          title: '关于优化营商环境的专题调研报告',
          summary: '议政会决定开展的专题调研形成的报告。',
        },
      },
    );
    outputId = published.publishAchievementDraft.id;
    await service.ok(PEOPLE.researchHead, REGISTER, {
      input: registration({
        title: '机密事项的成果',
        classification: 'SECRET',
        authorStaffIds: [PEOPLE.researchHead],
        origin: { kind: 'MATTER', id: 'matter-secret' },
      }),
    });
    secretOutputId = (
      await service.ok<{ registerAchievement: { id: string } }>(PEOPLE.researchHead, REGISTER, {
        input: registration({
          title: '公开事项的机密成果',
          classification: 'SECRET',
          authorStaffIds: [PEOPLE.researchHead],
          origin: { kind: 'MATTER', id: 'matter-open' },
        }),
      })
    ).registerAchievement.id;
    partOutputId = (
      await service.ok<{ registerAchievement: { id: string } }>(INFORMATION_HEAD, REGISTER, {
        input: registration({
          title: '信息处分项调研成果',
          authorStaffIds: [INFORMATION_HEAD],
          origin: { kind: 'MATTER', id: 'matter-info-part' },
        }),
      })
    ).registerAchievement.id;
    for (const user of [PEOPLE.legalHead, PEOPLE.general2Head]) {
      const claimed = await service.ok<{ claimAchievementUse: { id: string } }>(
        user,
        `mutation($input: ClaimAchievementUseInput!) { claimAchievementUse(input: $input) { id } }`,
        { input: { achievementId: outputId, kind: 'APPLIED', purpose: '应用于本处室工作' } },
      );
      await service.ok(
        PEOPLE.researchHead,
        `mutation($id: ID!) { confirmAchievementUse(id: $id) { id } }`,
        {
          id: claimed.claimAchievementUse.id,
        },
      );
    }
  });

  it('walks from the decision through its matters to the outputs and their confirmed uses', async () => {
    const { lineage } = await service.ok<LineageData>(PEOPLE.director, LINEAGE, {
      of: 'decision-1',
    });
    expect(lineage!.origin).toMatchObject({
      kind: 'MEETING_DECISION',
      id: 'decision-1',
      decision: { id: 'decision-1' },
    });
    // Each matter is followed by the sub-matters split off for its co-organisers.
    expect(lineage!.matters.map((m) => m.matter.id)).toEqual([
      'matter-open',
      'matter-info-part',
      'matter-secret',
    ]);
    const open = lineage!.matters[0]!;
    expect(open.outputs.map((o) => o.id)).toEqual([outputId, secretOutputId]);
    expect(open.outputs[0]!.uses).toHaveLength(2);
    expect(lineage!.matters[1]!.outputs.map((o) => o.id)).toEqual([partOutputId]);
    expect(lineage!.matters[2]!.outputs).toHaveLength(1);
  });

  it('from a sub-matter is the lineage of the decision its parent came from', async () => {
    const fromDecision = await service.ok<LineageData>(PEOPLE.director, LINEAGE, {
      of: 'decision-1',
    });
    const fromPart = await service.ok<LineageData>(PEOPLE.director, LINEAGE, {
      of: 'matter-info-part',
    });
    expect(fromPart).toEqual(fromDecision);
  });

  it('leaves out the hops above the viewer’s clearance and shows the rest', async () => {
    const { lineage } = await service.ok<LineageData>(PEOPLE.general1Junior, LINEAGE, {
      of: 'decision-1',
    });
    expect(lineage!.origin?.id).toBe('decision-1');
    expect(lineage!.matters.map((m) => m.matter.id)).toEqual(['matter-open', 'matter-info-part']);
    // The SECRET output of a matter the viewer sees is left out; the rest of the matter is shown.
    expect(lineage!.matters[0]!.outputs.map((o) => o.id)).toEqual([outputId]);
    expect(lineage!.matters[0]!.outputs[0]!.uses).toHaveLength(2);
    // From a matter the viewer may not see, nothing is revealed (the same answer as for nothing).
    const hidden = await service.ok<LineageData>(PEOPLE.general1Junior, LINEAGE, {
      of: 'matter-secret',
    });
    expect(hidden.lineage?.matters.map((m) => m.matter.id)).toEqual([
      'matter-open',
      'matter-info-part',
    ]);
    // Nor through the matter's outputs asked of this subgraph directly (_entities).
    const outputs = await service.ok<{ _entities: { outputs: { id: string }[] }[] }>(
      PEOPLE.general1Junior,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Assignment { outputs { id } } } }`,
      { r: [{ __typename: 'Assignment', id: 'matter-open' }] },
    );
    expect(outputs._entities[0]!.outputs.map((o) => o.id)).toEqual([outputId]);
    const none = await service.ok<LineageData>(PEOPLE.general1Junior, LINEAGE, {
      of: 'no-such-thing',
    });
    expect(none.lineage).toBeNull();
  });
});
