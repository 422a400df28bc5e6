import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeliClaims } from '@heli/auth';
import { claimsForStaff } from '@heli/demo-data';
import { ManualClock } from '@heli/interaction';
import { waitFor } from '@heli/testkit';
import {
  achievementPart,
  assessmentPart,
  interactionPart,
  responsibilityPart,
} from '../harness/service-parts.js';
import { startStack, type Stack } from '../harness/stack.js';

const director = claimsForStaff('staff-director');
const researchHead = claimsForStaff('staff-research-head');
/** INTERNAL clearance, of 法规室: may not see the SECRET output. */
const legalStaff = claimsForStaff('staff-legal-1');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are asserted by shape
type Data = any;

const LINEAGE = `query ($of: ID!) { lineage(of: $of) {
  origin { kind id title decision { id meetingTitle text } }
  matters {
    matter { id title status leadDivision { name } }
    outputs { id title classification
      uses(status: CONFIRMED) { id kind userDivision { id name }
        scoreEntries { division { id } points rule { id } } } }
  } } }`;

describe('the lineage of a 议政会 decision through the gateway', () => {
  let stack: Stack;
  const clock = new ManualClock(new Date());
  const later = (hours: number) =>
    new Date(clock.now().getTime() + hours * 3_600_000).toISOString();
  const run = (viewer: HeliClaims, query: string, variables?: Record<string, unknown>) =>
    stack.data<Data>(viewer, query, variables);

  beforeAll(async () => {
    stack = await startStack([
      responsibilityPart(),
      interactionPart({ clock }),
      achievementPart(),
      assessmentPart(),
    ]);
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('walks decision → matter → outputs → confirmed uses → score entries, and leaves out a hop above the viewer’s clearance', async () => {
    const { scheduleMeeting } = await run(
      director,
      `mutation ($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`,
      {
        input: {
          kind: 'DELIBERATION',
          title: '第十六次议政会',
          startsAt: later(1),
          place: '办公厅第一会议室',
          chairStaffId: 'staff-director',
          attendingDivisionIds: ['div-research', 'div-legal'],
          organiserDivisionId: 'div-meetings',
        },
      },
    );
    await run(
      director,
      `mutation ($meetingId: ID!, $input: AgendaItemInput!) { addAgendaItem(meetingId: $meetingId, input: $input) { id } }`,
      {
        meetingId: scheduleMeeting.id,
        input: {
          kind: 'DEPLOYMENT',
          title: '开展优化营商环境专题调研',
          deployment: {
            leadDivisionId: 'div-research',
            coDivisionIds: [],
            deadline: later(24 * 30),
            requirements: '形成调研报告报厅领导审定',
          },
        },
      },
    );
    clock.set(later(2));
    const { closeMeeting } = await run(
      director,
      `mutation ($meetingId: ID!) { closeMeeting(meetingId: $meetingId, minutes: "会议部署了专题调研。") { decisions { id } } }`,
      { meetingId: scheduleMeeting.id },
    );
    const decisionId: string = closeMeeting.decisions[0].id;

    // Responsibility makes the matter; achievement learns of it from the events.
    const matterId: string = await waitFor(
      async () => (await run(director, LINEAGE, { of: decisionId })).lineage?.matters[0]?.matter.id,
      { timeoutMs: 60_000, description: 'the matter made of the decision, in the lineage' },
    );

    const register = (title: string, classification: string) =>
      run(
        researchHead,
        `mutation ($input: RegisterAchievementInput!) { registerAchievement(input: $input) { id } }`,
        {
          input: {
            kind: 'RESEARCH_REPORT',
            title,
            summary: '专题调研形成的报告',
            classification,
            authorStaffIds: ['staff-research-head'],
            origin: { kind: 'MATTER', id: matterId },
          },
        },
      );
    const report = (await register('优化营商环境专题调研报告', 'INTERNAL')).registerAchievement.id;
    await register('营商环境问题线索（机密）', 'SECRET');
    for (const user of ['staff-legal-head', 'staff-general-2-head']) {
      const { claimAchievementUse } = await run(
        claimsForStaff(user),
        `mutation ($input: ClaimAchievementUseInput!) { claimAchievementUse(input: $input) { id } }`,
        { input: { achievementId: report, kind: 'APPLIED', purpose: '应用于本处室工作方案' } },
      );
      await run(researchHead, `mutation ($id: ID!) { confirmAchievementUse(id: $id) { id } }`, {
        id: claimAchievementUse.id,
      });
    }

    const full = await waitFor(
      async () => {
        const { lineage } = await run(director, LINEAGE, { of: decisionId });
        const uses = lineage.matters[0].outputs.flatMap((o: Data) => o.uses);
        return uses.length === 2 && uses.every((u: Data) => u.scoreEntries.length === 2) && lineage;
      },
      { timeoutMs: 60_000, description: 'both uses scored by assessment' },
    );
    expect(full.origin).toMatchObject({
      kind: 'MEETING_DECISION',
      id: decisionId,
      decision: { id: decisionId, meetingTitle: '第十六次议政会' },
    });
    expect(full.matters).toHaveLength(1);
    expect(full.matters[0].matter).toMatchObject({
      id: matterId,
      leadDivision: { name: '调研室' },
    });
    expect(full.matters[0].outputs.map((o: Data) => o.classification).sort()).toEqual([
      'INTERNAL',
      'SECRET',
    ]);
    const reportNode = full.matters[0].outputs.find((o: Data) => o.id === report);
    for (const use of reportNode.uses) {
      expect(
        use.scoreEntries.map((e: Data) => [e.rule.id, e.division.id, e.points]).sort(),
      ).toEqual(
        [
          ['achievement-applied', 'div-research', 2],
          ['achievement-use-made', use.userDivision.id, 0.5],
        ].sort(),
      );
    }

    // The same query as a member of staff without the clearance for the SECRET output.
    const { lineage: partial } = await run(legalStaff, LINEAGE, { of: decisionId });
    expect(partial.origin.id).toBe(decisionId);
    // Responsibility keeps a matter to the divisions involved and leadership: that hop is left
    // out (null) by its owner, and the outputs, uses and scores hanging off it are still shown.
    expect(partial.matters[0].matter).toBeNull();
    expect(partial.matters[0].outputs.map((o: Data) => o.id)).toEqual([report]);
    expect(partial.matters[0].outputs[0].uses).toHaveLength(2);
    // Scores are filtered by assessment's own rule: a division sees its own.
    const seen = partial.matters[0].outputs[0].uses.flatMap((u: Data) =>
      u.scoreEntries.map((e: Data) => e.division.id),
    );
    expect([...new Set(seen)]).toEqual(['div-legal']);
  });
});
