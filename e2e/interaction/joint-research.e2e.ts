import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeliClaims } from '@heli/auth';
import { claimsForStaff } from '@heli/demo-data';
import { ManualClock } from '@heli/interaction';
import { interactionPart, responsibilityPart } from '../harness/service-parts.js';
import { startStack, type Stack } from '../harness/stack.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are asserted by shape
type Data = any;

describe('a 调研工作联席会议 through the gateway', () => {
  let stack: Stack;
  const clock = new ManualClock(new Date());
  const later = (days: number) => new Date(clock.now().getTime() + days * 86_400_000).toISOString();

  beforeAll(async () => {
    stack = await startStack([responsibilityPart(), interactionPart({ clock })]);
  });

  afterAll(async () => {
    await stack?.close();
  });

  const run = (staffId: string, query: string, variables?: Record<string, unknown>) =>
    stack.data<Data>(claimsForStaff(staffId) as HeliClaims, query, variables);

  it("flags two divisions' same topic, selects it with a pooled team, and shows it on the lead division", async () => {
    const { openResearchPeriod } = await run(
      'staff-research-head',
      `mutation ($input: OpenResearchPeriodInput!) { openResearchPeriod(input: $input) { id } }`,
      { input: { title: '联席会议端到端', startsOn: later(1), endsOn: later(180) } },
    );
    const propose = async (staffId: string, title: string, rationale: string) =>
      (
        await run(
          staffId,
          `mutation ($input: ProposeResearchTopicInput!) {
            proposeResearchTopic(input: $input) { id likelyDuplicates { id } }
          }`,
          { input: { periodId: openResearchPeriod.id, title, rationale } },
        )
      ).proposeResearchTopic;
    const first = await propose(
      'staff-general-1-head',
      '优化营商环境对策研究',
      '围绕市委优化营商环境部署，调研企业办事难点堵点，提出对策建议。',
    );
    const second = await propose(
      'staff-general-2-head',
      '进一步优化我市营商环境的对策研究',
      '针对企业反映的办事难点堵点问题开展调研，提出优化营商环境的对策建议。',
    );
    expect(second.likelyDuplicates).toEqual([{ id: first.id }]);

    const { scheduleMeeting } = await run(
      'staff-director',
      `mutation ($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`,
      {
        input: {
          kind: 'RESEARCH_JOINT',
          title: '调研工作联席会议',
          startsAt: later(1),
          chairStaffId: 'staff-director',
          attendingDivisionIds: ['div-research', 'div-general-1', 'div-general-2'],
          organiserDivisionId: 'div-research',
        },
      },
    );
    await run(
      'staff-director',
      `mutation ($meetingId: ID!, $input: SelectResearchTopicInput!) {
        selectResearchTopic(meetingId: $meetingId, input: $input) { id }
      }`,
      {
        meetingId: scheduleMeeting.id,
        input: {
          topicId: first.id,
          mergeTopicIds: [second.id],
          leadDivisionId: 'div-general-1',
          teamStaffIds: ['staff-general-1-1', 'staff-general-2-1', 'staff-research-1'],
          milestones: [
            { kind: 'OPENING', dueAt: later(20) },
            { kind: 'FIELDWORK', dueAt: later(60) },
            { kind: 'DRAFT', dueAt: later(100) },
            { kind: 'FINAL', dueAt: later(130) },
          ],
        },
      },
    );

    // Division and Staff names come from responsibility, the topics from interaction.
    const { division } = await run(
      'staff-general-1-head',
      `query {
        division(id: "div-general-1") {
          name
          researchTopics(status: SELECTED) {
            edges { node { title leadDivision { name } team { name } mergedTopics { title status } } }
          }
        }
      }`,
    );
    expect(division.name).toBe('综合一处');
    expect(division.researchTopics.edges.map((e: Data) => e.node)).toEqual([
      {
        title: '优化营商环境对策研究',
        leadDivision: { name: '综合一处' },
        team: [{ name: '宋志刚' }, { name: '冯明辉' }, { name: '吕思远' }],
        mergedTopics: [{ title: '进一步优化我市营商环境的对策研究', status: 'MERGED' }],
      },
    ]);
  });
});
