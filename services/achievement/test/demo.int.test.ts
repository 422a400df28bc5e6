import { achievementEvents, assignmentEvents, createEnvelope } from '@heli/event-contracts';
import { startTestMongo, waitFor, type TestMongo } from '@heli/testkit';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadDemoAchievements } from '../src/demo/load-demo-achievements.js';
import { PEOPLE, startAchievement, type Achievement } from './achievement-harness.js';

let mongo: TestMongo;
let service: Achievement;

beforeAll(async () => {
  mongo = await startTestMongo();
  service = await startAchievement(mongo);
});
afterAll(async () => {
  await service?.close();
  await mongo?.stop();
});

it('loads the demo through the commands once: kinds across divisions, confirmed and disputed uses, a forum topic with an adopted post, one lineage', async () => {
  const runtime = service.runtime.runtime;
  expect(await loadDemoAchievements(runtime, new Date())).toEqual({
    achievements: 6,
    uses: 6,
    forumPosts: 5,
  });
  expect(await loadDemoAchievements(runtime, new Date())).toBeNull();
  expect(await service.models.achievements.distinct('kind')).toHaveLength(5);
  expect(await service.models.achievements.distinct('leadDivisionId')).toHaveLength(5);
  const statuses = await service.models.uses.distinct('status');
  expect(statuses.sort()).toEqual(['CLAIMED', 'CONFIRMED', 'DISPUTED']);
  expect(await service.outboxEvents(achievementEvents.forumPostAdopted.fullType)).toHaveLength(1);

  const { forumTopics } = await service.ok<{
    forumTopics: { edges: { node: { isOpen: boolean; threads: { replies: unknown[] }[] } }[] };
  }>(
    PEOPLE.research1,
    `{ forumTopics(open: true) { edges { node { isOpen threads { adopted replies { id } } } } } }`,
  );
  expect(forumTopics.edges).toHaveLength(1);
  expect(forumTopics.edges[0]!.node.threads.map((t) => t.replies.length)).toEqual([2, 0, 0]);

  // The lineage: responsibility announced the matter made of the 议政会 decision; its output was
  // applied by two divisions, both confirmed.
  await service.publish(
    createEnvelope(
      assignmentEvents.assignmentCreated,
      {
        assignmentId: 'assignment-demo-decision',
        parentAssignmentId: null,
        leadDivisionId: 'div-information',
        coDivisionIds: ['div-research'],
        classification: 'INTERNAL',
        deadline: '2026-12-31T09:00:00.000Z',
        title: '第三次议政会议定：开通政务工作论坛',
        source: 'MEETING_DECISION',
        sourceRef: 'decision-demo-001',
        assignedByStaffId: PEOPLE.director,
        responsibleStaffIds: ['staff-information-admin'],
        priority: 'NORMAL',
        createdAt: new Date().toISOString(),
      },
      { source: 'responsibility', subject: 'assignment-demo-decision' },
    ),
  );
  await waitFor(() => service.models.matterRefs.exists({ _id: 'assignment-demo-decision' }), {
    timeoutMs: 30_000,
    description: 'the demo matter in the lineage projection',
  });
  const { lineage } = await service.ok<{
    lineage: { matters: { outputs: { id: string; uses: { userDivision: { id: string } }[] }[] }[] };
  }>(
    PEOPLE.director,
    `{ lineage(of: "assignment-demo-decision") { matters { outputs { id uses(status: CONFIRMED) { userDivision { id } } } } } }`,
  );
  const [output] = lineage.matters[0]!.outputs;
  expect(output!.id).toBe('achievement-demo-forum-report');
  expect(output!.uses.map((u) => u.userDivision.id).sort()).toEqual(['div-general-1', 'div-legal']);
});
