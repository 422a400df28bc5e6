import { createEnvelope, natsSubject, researchEvents, sharingEvents } from '@heli/event-contracts';
import { outboxEvents, waitFor } from '@heli/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIRECTOR, SCHEDULE, startInteraction, type Interaction } from './interaction-harness.js';

let interaction: Interaction;

beforeAll(async () => {
  // One topic per person, so the second selection that names the same researcher is refused.
  interaction = await startInteraction({ maxTopicsPerResearcher: 1 });
});

afterAll(async () => {
  await interaction?.close();
});

const RESEARCH_HEAD = 'staff-research-head';

const OPEN_PERIOD = /* GraphQL */ `
  mutation ($input: OpenResearchPeriodInput!) {
    openResearchPeriod(input: $input) {
      id
    }
  }
`;
const PROPOSE = /* GraphQL */ `
  mutation ($input: ProposeResearchTopicInput!) {
    proposeResearchTopic(input: $input) {
      id
      status
      likelyDuplicates {
        source
        id
        title
        similarity
      }
    }
  }
`;
const SELECT = /* GraphQL */ `
  mutation ($meetingId: ID!, $input: SelectResearchTopicInput!) {
    selectResearchTopic(meetingId: $meetingId, input: $input) {
      id
      status
      leadDivision {
        id
      }
      team {
        id
      }
      mergedTopics {
        id
        status
      }
    }
  }
`;
const TOPIC = /* GraphQL */ `
  query ($id: ID!) {
    researchTopic(id: $id) {
      id
      status
      team {
        id
      }
      likelyDuplicates {
        source
        id
      }
      milestones {
        kind
        reachedAt
        onTime
      }
      reportTitle
    }
  }
`;
const LOAD = /* GraphQL */ `
  query ($staffId: ID!) {
    researcherLoad(staffId: $staffId) {
      count
      limit
      topics {
        id
      }
    }
  }
`;
const CHANGE_TEAM = /* GraphQL */ `
  mutation ($topicId: ID!, $teamStaffIds: [ID!]!) {
    changeResearchTeam(topicId: $topicId, teamStaffIds: $teamStaffIds) {
      id
      team {
        id
      }
    }
  }
`;
const REACH = /* GraphQL */ `
  mutation ($input: ReachMilestoneInput!) {
    reachResearchMilestone(input: $input) {
      id
      status
    }
  }
`;

const daysLater = (days: number) =>
  new Date(interaction.clock.now().getTime() + days * 86_400_000).toISOString();
const plan = () => [
  { kind: 'OPENING', dueAt: daysLater(20) },
  { kind: 'FIELDWORK', dueAt: daysLater(60) },
  { kind: 'DRAFT', dueAt: daysLater(100) },
  { kind: 'FINAL', dueAt: daysLater(130) },
];

describe('joint research from proposals to the final report', () => {
  let periodId: string;
  let meetingId: string;
  const topics: Record<string, string> = {};

  it('flags a near-duplicate proposal of another division both ways, and a different topic not', async () => {
    const { ok } = interaction;
    periodId = (
      await ok(RESEARCH_HEAD, OPEN_PERIOD, {
        input: {
          title: '2027年上半年',
          startsOn: '2027-01-01T00:00:00+08:00',
          endsOn: '2027-06-30T00:00:00+08:00',
          priorities: ['优化营商环境', '冰雪经济'],
        },
      })
    ).openResearchPeriod.id;
    const propose = async (staffId: string, title: string, rationale: string) =>
      (await ok(staffId, PROPOSE, { input: { periodId, title, rationale } })).proposeResearchTopic;

    const first = await propose(
      'staff-general-1-head',
      '优化营商环境对策研究',
      '围绕市委优化营商环境部署，调研企业办事难点堵点，提出对策建议。',
    );
    const other = await propose(
      'staff-information-head',
      '哈尔滨冰雪经济高质量发展研究',
      '分析冰雪旅游、冰雪装备产业现状，提出发展路径。',
    );
    const second = await propose(
      'staff-general-2-head',
      '进一步优化我市营商环境的对策研究',
      '针对企业反映的办事难点堵点问题开展调研，提出优化营商环境的对策建议。',
    );
    Object.assign(topics, { first: first.id, other: other.id, second: second.id });

    expect(first.likelyDuplicates).toEqual([]);
    expect(other.likelyDuplicates).toEqual([]);
    expect(second.likelyDuplicates.map((d: { id: string }) => d.id)).toEqual([first.id]);
    expect(second.likelyDuplicates[0].source).toBe('PROPOSAL');
    // The earlier proposal now shows the later one too.
    const firstNow = (await ok('staff-general-1-head', TOPIC, { id: first.id })).researchTopic;
    expect(firstNow.likelyDuplicates).toEqual([{ source: 'PROPOSAL', id: second.id }]);
    const events = (
      await outboxEvents(interaction.subgraph.conn, researchEvents.researchTopicProposed)
    ).map((e) => e.data as { topicId: string; likelyDuplicateIds: string[] });
    expect(events.find((e) => e.topicId === second.id)!.likelyDuplicateIds).toEqual([first.id]);
  });

  it('flags a proposal that repeats a catalogue entry sharing announced', async () => {
    const { nc, namespace, models, ok } = interaction;
    const entry = createEnvelope(
      sharingEvents.catalogEntryPublished,
      {
        entryId: 'entry-snow',
        title: '冰雪旅游产业发展经验汇编',
        sourceDivisionId: 'div-information',
        classification: 'INTERNAL',
        publishedAt: '2026-10-01T09:00:00.000Z',
      },
      { source: 'sharing', subject: 'entry-snow' },
    );
    await nc
      .jetstream()
      .publish(natsSubject(namespace, sharingEvents.catalogEntryPublished), JSON.stringify(entry), {
        msgID: entry.id,
      });
    await waitFor(async () => (await models.catalogTopics.exists({ _id: 'entry-snow' })) !== null, {
      timeoutMs: 30_000,
      description: 'the catalogue entry to be taken in',
    });
    const proposed = (
      await ok('staff-legal-head', PROPOSE, {
        input: {
          periodId,
          title: '冰雪旅游产业发展调研',
          rationale: '总结冰雪旅游产业发展经验。',
        },
      })
    ).proposeResearchTopic;
    const sources = proposed.likelyDuplicates.map((d: { source: string; id: string }) => d.source);
    expect(sources).toContain('CATALOG_ENTRY');
    topics['legal'] = proposed.id;
  });

  it('selects a topic at the joint meeting, merging its duplicate, and refuses over-allocation', async () => {
    const { ok, as, models } = interaction;
    meetingId = (
      await ok(DIRECTOR, SCHEDULE, {
        input: {
          kind: 'RESEARCH_JOINT',
          title: '2027年上半年调研工作联席会议',
          startsAt: daysLater(1),
          chairStaffId: DIRECTOR,
          attendingDivisionIds: ['div-research', 'div-general-1', 'div-general-2'],
          organiserDivisionId: 'div-research',
        },
      })
    ).scheduleMeeting.id;

    const selected = (
      await ok(DIRECTOR, SELECT, {
        meetingId,
        input: {
          topicId: topics['first'],
          mergeTopicIds: [topics['second']],
          leadDivisionId: 'div-general-1',
          teamStaffIds: ['staff-general-1-1', 'staff-general-2-1', 'staff-research-1'],
          milestones: plan(),
        },
      })
    ).selectResearchTopic;
    expect(selected).toMatchObject({
      status: 'SELECTED',
      leadDivision: { id: 'div-general-1' },
      mergedTopics: [{ id: topics['second'], status: 'MERGED' }],
    });
    const load = (await ok(DIRECTOR, LOAD, { staffId: 'staff-research-1' })).researcherLoad;
    expect(load).toEqual({ count: 1, limit: 1, topics: [{ id: topics['first'] }] });

    // 吕思远 is already on one topic, the limit: the second selection is refused and changes nothing.
    const agendaBefore = (await models.meetings.findById(meetingId).lean())!.agenda.length;
    const refused = await as(DIRECTOR, SELECT, {
      meetingId,
      input: {
        topicId: topics['other'],
        leadDivisionId: 'div-information',
        teamStaffIds: ['staff-information-1', 'staff-research-1'],
        milestones: plan(),
      },
    });
    expect(refused.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(refused.errors[0].message).toBe('吕思远已参加 1 个调研课题，每人最多 1 个');
    expect((await models.researchTopics.findById(topics['other']).lean())!.status).toBe('PROPOSED');
    expect((await models.meetings.findById(meetingId).lean())!.agenda).toHaveLength(agendaBefore);
    expect(
      (await models.researcherLoads.findById('staff-information-1').lean())?.topicIds ?? [],
    ).toEqual([]);
  });

  it("lets only the lead division's head and the research office change the team", async () => {
    const { ok, as } = interaction;
    const team = ['staff-general-1-1', 'staff-general-2-1'];
    const refused = await as('staff-general-2-head', CHANGE_TEAM, {
      topicId: topics['first'],
      teamStaffIds: team,
    });
    expect(refused.errors[0].extensions.code).toBe('FORBIDDEN');
    const changed = await ok('staff-general-1-head', CHANGE_TEAM, {
      topicId: topics['first'],
      teamStaffIds: team,
    });
    expect(changed.changeResearchTeam.team).toEqual(team.map((id) => ({ id })));
    // 吕思远 left the team, so the load is free again.
    const load = (await ok(DIRECTOR, LOAD, { staffId: 'staff-research-1' })).researcherLoad;
    expect(load.count).toBe(0);
  });

  it('reaches the milestones in order and announces the finished report once', async () => {
    const { ok, as, subgraph } = interaction;
    const reach = (kind: string, extra: Record<string, unknown> = {}) =>
      as('staff-general-1-1', REACH, { input: { topicId: topics['first'], kind, ...extra } });
    const early = await reach('DRAFT');
    expect(early.errors[0].message).toBe('请先完成开题、调研节点');
    for (const kind of ['OPENING', 'FIELDWORK', 'DRAFT']) {
      expect((await reach(kind)).errors).toBeUndefined();
    }
    const done = await reach('FINAL', {
      reportTitle: '关于进一步优化我市营商环境的调研报告',
      reportSummary: '提出五方面对策建议。',
    });
    expect(done.data.reachResearchMilestone.status).toBe('COMPLETED');
    const again = await reach('FINAL', { reportTitle: '重复' });
    expect(again.errors[0].extensions.code).toBe('CONFLICT');
    const completed = (
      await outboxEvents(subgraph.conn, researchEvents.researchReportCompleted)
    ).filter((event) => event.subject === topics['first']);
    expect(completed).toHaveLength(1);
    expect(completed[0]!.data).toMatchObject({
      reportTitle: '关于进一步优化我市营商环境的调研报告',
      leadDivisionId: 'div-general-1',
      coDivisionIds: ['div-general-2'],
      onTime: true,
    });
    const topic = (await ok(DIRECTOR, TOPIC, { id: topics['first'] })).researchTopic;
    expect(topic.milestones.every((m: { onTime: boolean }) => m.onTime)).toBe(true);
    const load = (await ok(DIRECTOR, LOAD, { staffId: 'staff-general-1-1' })).researcherLoad;
    expect(load.count).toBe(0);
  });
});
