import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeliClaims } from '@heli/auth';
import { claimsForStaff } from '@heli/demo-data';
import { waitFor } from '@heli/testkit';
import {
  assessmentPart,
  interactionPart,
  responsibilityPart,
  sharingPart,
} from '../harness/service-parts.js';
import { startStack, type Stack } from '../harness/stack.js';

/** Six demo people in turn, each asking what a person in their seat would ask during the day. */
const divisionHead = claimsForStaff('staff-general-1-head'); // 高振宇, 综合一处处长
const divisionStaff = claimsForStaff('staff-general-1-1'); // 宋志刚, 综合一处
const secretariat = claimsForStaff('staff-secretariat-1'); // 郭宏伟, 秘书处
const documentsClerk = claimsForStaff('staff-documents-1'); // 蒋文斌, 文电处
const executiveDeputy = claimsForStaff('staff-executive-deputy'); // 办公厅常务副主任
const analyst = claimsForStaff('staff-research-analyst'); // 彭宇航, 调研室, analyst

/** Events count in the period of their time in China Standard Time (UTC+8). */
const currentYear = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** A time later today but still this week (Monday to Sunday in China), for a meeting. */
function laterThisWeek(): string {
  const hour = 3_600_000;
  const china = new Date(Date.now() + 8 * hour);
  const daysLeft = 7 - ((china.getUTCDay() + 6) % 7);
  const nextMonday =
    Date.UTC(china.getUTCFullYear(), china.getUTCMonth(), china.getUTCDate() + daysLeft) - 8 * hour;
  return new Date(Math.min(Date.now() + hour, nextMonday - 60_000)).toISOString();
}

const WORK = `{ me { id name work {
  matters(first: 50) { totalCount items { assignment { id title status } involvement urgency dueAt actions } }
  progressReportsDue { totalCount items { assignment { id } dueAt actions } }
  difficulties { totalCount items { difficulty { id title } involvement actions } }
  reminders { totalCount items { reminder { id kind message assignment { id } } actions } }
  readings { totalCount items { reading { id documentTitle } urgency dueAt actions } }
  circulations { totalCount items { circulation { id } dueAt actions } }
  workflowSteps { totalCount items { step { id name status case { title } } urgency dueAt actions } }
  meetingsThisWeek { totalCount items { id title startsAt chair { name } } }
} } }`;

type WorkList<T> = { totalCount: number; items: T[] };
type Work = {
  me: {
    id: string;
    name: string;
    work: {
      matters: WorkList<{
        assignment: { id: string; title: string; status: string };
        involvement: string[];
        urgency: string;
        dueAt: string;
        actions: string[];
      }>;
      progressReportsDue: WorkList<{ assignment: { id: string }; actions: string[] }>;
      difficulties: WorkList<{
        difficulty: { id: string; title: string };
        involvement: string;
        actions: string[];
      }>;
      reminders: WorkList<{
        reminder: { kind: string; assignment: { id: string } };
        actions: string[];
      }>;
      readings: WorkList<{ reading: { id: string; documentTitle: string }; actions: string[] }>;
      circulations: WorkList<{ circulation: { id: string }; actions: string[] }>;
      workflowSteps: WorkList<{
        step: { id: string; name: string; status: string; case: { title: string } };
        urgency: string;
        actions: string[];
      }>;
      meetingsThisWeek: WorkList<{ id: string; title: string; chair: { name: string } }>;
    };
  };
};

describe('a day in the office, through the gateway', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack([
      responsibilityPart(),
      sharingPart(),
      assessmentPart(),
      interactionPart(),
    ]);
  });

  afterAll(async () => {
    await stack?.close();
  });

  const run = <T>(viewer: HeliClaims, query: string, variables?: Record<string, unknown>) =>
    stack.data<T>(viewer, query, variables);

  let noticeId: string;
  let distributionId: string;
  let meetingId: string;
  type Receipts = {
    distribution: {
      readingRequests: {
        edges: {
          node: {
            status: string;
            everyoneMustRead: boolean;
            readers: { staff: { name: string }; mustRead: boolean; readAt: string | null }[];
          };
        }[];
      };
    };
  };
  const receipts = async () =>
    (
      await run<Receipts>(
        secretariat,
        `query ($id: ID!) { distribution(id: $id) { readingRequests { edges { node {
           status everyoneMustRead readers { staff { name } mustRead readAt } } } } } }`,
        { id: distributionId },
      )
    ).distribution.readingRequests.edges[0]!.node;

  it('郭宏伟 of the secretariat registers a notice and sends it to 综合一处, for every member to read', async () => {
    const { registerDocument } = await run<{ registerDocument: { id: string } }>(
      secretariat,
      `mutation { registerDocument(input: { kind: MUNICIPAL, title: "关于做好年度考评准备工作的通知",
         documentNumber: "哈委办发〔2026〕31号", issuer: "中共哈尔滨市委办公厅", issuedOn: "2026-11-20",
         classification: INTERNAL }) { id } }`,
    );
    noticeId = registerDocument.id;
    const { distributeDocument } = await run<{ distributeDocument: { id: string } }>(
      secretariat,
      'mutation ($input: DistributeDocumentInput!) { distributeDocument(input: $input) { id } }',
      {
        input: {
          documentId: noticeId,
          divisionIds: ['div-general-1'],
          dueAt: inDays(3),
          everyoneMustRead: true,
        },
      },
    );
    distributionId = distributeDocument.id;
    const sent = await receipts();
    expect(sent).toMatchObject({ status: 'UNREAD', everyoneMustRead: true });
    // Everybody in 综合一处 is cleared for an INTERNAL notice, so all four must read it.
    expect(sent.readers.map((reader) => [reader.staff.name, reader.mustRead]).sort()).toEqual(
      [
        ['高振宇', true],
        ['梁雪梅', true],
        ['宋志刚', true],
        ['郑雨桐', true],
      ].sort(),
    );
  });

  it('高振宇, head of 综合一处, finds in me.work his division’s matters with what he may do, the notice to read, and the meeting he calls for this week', async () => {
    const before = await run<Work>(divisionHead, WORK);
    const matters = before.me.work.matters;
    // 综合一处 leads the implementation plan and the instruction on information reporting and
    // co-organises the joint research: all on his list, although he is responsible for none.
    const titles = matters.items.map((item) => item.assignment.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        '起草《关于整合政务资源强化整体合力的实施方案》',
        '开展“集团作业”式联合调研：优化营商环境',
      ]),
    );
    expect(matters.totalCount).toBe(matters.items.length);
    const plan = matters.items.find((item) => item.assignment.id === 'assignment-demo-plan')!;
    expect(plan).toMatchObject({ involvement: ['LEAD_DIVISION'], actions: ['ACCEPT'] });
    const research = matters.items.find((item) => item.involvement.includes('CO_DIVISION'))!;
    expect(research.actions).toEqual([]);
    // Most urgent first: the due times never go backwards down the list.
    const due = matters.items.map((item) => Date.parse(item.dueAt));
    expect(due).toEqual([...due].sort((a, b) => a - b));

    const reading = before.me.work.readings.items.find(
      (item) => item.reading.documentTitle === '关于做好年度考评准备工作的通知',
    )!;
    expect(reading.actions).toEqual(['ACKNOWLEDGE']);
    expect(before.me.work.meetingsThisWeek.items).toEqual([]);

    const { scheduleMeeting } = await run<{ scheduleMeeting: { id: string } }>(
      divisionHead,
      `mutation ($startsAt: DateTime!) { scheduleMeeting(input: { kind: DELIBERATION,
         title: "年度考评准备工作专题议政会", startsAt: $startsAt, place: "综合一处会议室",
         chairStaffId: "staff-general-1-head", attendingDivisionIds: ["div-general-1", "div-information"] }) { id } }`,
      { startsAt: laterThisWeek() },
    );
    meetingId = scheduleMeeting.id;

    // Once he has read the notice it leaves his list, though his division has not all read it.
    await run(
      divisionHead,
      'mutation ($id: ID!) { acknowledgeReading(input: { readingRequestId: $id }) { id } }',
      { id: reading.reading.id },
    );
    const after = await run<Work>(divisionHead, WORK);
    expect(after.me.work.readings.items.map((item) => item.reading.id)).not.toContain(
      reading.reading.id,
    );
    expect(after.me.work.meetingsThisWeek.items).toEqual([
      {
        id: meetingId,
        title: '年度考评准备工作专题议政会',
        startsAt: expect.any(String),
        chair: { name: '高振宇' },
      },
    ]);
  });

  it('宋志刚 of 综合一处 sees the matter he is responsible for, the notice he too must read, and the meeting', async () => {
    const { me } = await run<Work>(divisionStaff, WORK);
    const plan = me.work.matters.items.find(
      (item) => item.assignment.id === 'assignment-demo-plan',
    )!;
    expect(plan.involvement).toEqual(['RESPONSIBLE', 'LEAD_DIVISION']);
    expect(plan.actions).toEqual(['ACCEPT']);
    expect(me.work.meetingsThisWeek.items.map((meeting) => meeting.title)).toEqual([
      '年度考评准备工作专题议政会',
    ]);
    const notice = me.work.readings.items.find(
      (item) => item.reading.documentTitle === '关于做好年度考评准备工作的通知',
    )!;
    await run(
      divisionStaff,
      'mutation ($id: ID!) { acknowledgeReading(input: { readingRequestId: $id, comment: "已阅，按要求准备" }) { id } }',
      { id: notice.reading.id },
    );

    // The secretariat sees who in 综合一处 has read it and who has not yet.
    const seen = await receipts();
    expect(seen.status).toBe('UNREAD');
    const read = (done: boolean) =>
      seen.readers
        .filter((reader) => (reader.readAt !== null) === done)
        .map((reader) => reader.staff.name)
        .sort();
    expect(read(true)).toEqual(['宋志刚', '高振宇'].sort());
    expect(read(false)).toEqual(['梁雪梅', '郑雨桐'].sort());
  });

  it('蒋文斌 of 文电处 starts 办文 for an incoming document and finds the 签收 step in me.work, to claim and then complete', async () => {
    await run(
      documentsClerk,
      'mutation { startWorkflowCase(input: { templateKey: "document", title: "关于做好年度考评准备工作的通知（收文）" }) { id } }',
    );
    const before = await run<Work>(documentsClerk, WORK);
    const signFor = before.me.work.workflowSteps.items.find(
      (item) => item.step.case.title === '关于做好年度考评准备工作的通知（收文）',
    )!;
    expect(signFor).toMatchObject({
      step: { name: '签收', status: 'OPEN' },
      urgency: expect.stringMatching(/^(DUE_SOON|NORMAL)$/),
      actions: ['CLAIM', 'COMPLETE', 'DELEGATE'],
    });
    await run(documentsClerk, 'mutation ($id: ID!) { claimWorkflowStep(stepId: $id) { id } }', {
      id: signFor.step.id,
    });
    const after = await run<Work>(documentsClerk, WORK);
    expect(
      after.me.work.workflowSteps.items.find((item) => item.step.id === signFor.step.id),
    ).toMatchObject({ step: { status: 'CLAIMED' }, actions: ['COMPLETE', 'DELEGATE'] });
    // Someone in another division does not have it on his list.
    const other = await run<Work>(divisionStaff, WORK);
    expect(other.me.work.workflowSteps.items.map((item) => item.step.id)).not.toContain(
      signFor.step.id,
    );
  });

  it('the division head finds the notice by its 文号 and the plan by a word of its title', async () => {
    const { searchDocuments } = await run<{
      searchDocuments: {
        totalCount: number;
        hits: { document: { title: string; documentNumber: string } }[];
      };
    }>(
      divisionHead,
      '{ searchDocuments(query: "哈委办发〔2026〕31号") { totalCount hits { document { title documentNumber } } } }',
    );
    expect(searchDocuments).toEqual({
      totalCount: 1,
      hits: [
        {
          document: {
            title: '关于做好年度考评准备工作的通知',
            documentNumber: '哈委办发〔2026〕31号',
          },
        },
      ],
    });
    // A colleague in another division, who was not sent it, finds nothing.
    const other = await run<{ searchDocuments: { totalCount: number } }>(
      claimsForStaff('staff-legal-1'),
      '{ searchDocuments(query: "哈委办发〔2026〕31号") { totalCount } }',
    );
    expect(other.searchDocuments.totalCount).toBe(0);

    const { searchAssignments } = await run<{
      searchAssignments: { hits: { assignment: { id: string; title: string } }[] };
    }>(
      divisionHead,
      '{ searchAssignments(query: "实施方案") { hits { assignment { id title } } } }',
    );
    expect(searchAssignments.hits[0]?.assignment).toEqual({
      id: 'assignment-demo-plan',
      title: '起草《关于整合政务资源强化整体合力的实施方案》',
    });
  });

  it('the executive deputy director finds in me.work the difficulties still waiting for someone to resolve them', async () => {
    const { me } = await run<Work>(executiveDeputy, WORK);
    const open = me.work.difficulties.items.find(
      (item) => item.difficulty.title === '联合调研人员抽调困难',
    )!;
    expect(open).toMatchObject({
      involvement: 'AWAITING_RESOLVER',
      actions: ['ASSIGN_RESOLVER', 'RESOLVE'],
    });
  });

  it('a division head reads the leaderboard — every division’s rank and total — and only his own entries', async () => {
    type Board = {
      me: { name: string };
      leaderboard: { rank: number; points: number; division: { id: string; name: string } }[];
    };
    // The demo's late matters reach assessment as events; wait until they are scored.
    const board = await waitFor(
      async () => {
        const data = await run<Board>(
          divisionHead,
          `query ($period: String!) { me { name }
             leaderboard(period: $period) { rank points division { id name } } }`,
          { period: String(currentYear) },
        );
        return data.leaderboard.some((row) => row.points !== 0) ? data : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 500, description: 'the demo matters scored' },
    );
    expect(board.me.name).toBe('高振宇');
    const ranks = board.leaderboard.map((row) => row.rank);
    expect(ranks[0]).toBe(1);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(board.leaderboard.map((row) => row.division.id)).toContain('div-general-1');

    // Another division's entries stay with it: that one field is refused, the rest stands.
    const other = board.leaderboard.find((row) => row.division.id !== 'div-general-1')!;
    const response = await stack.query(
      `query ($id: ID!, $period: String!) { me { name }
         division(id: $id) { name score(period: $period) { total explanation { totalCount } } } }`,
      { id: other.division.id, period: String(currentYear) },
      divisionHead,
    );
    expect(response.body.errors?.map((error) => error.extensions?.['code'])).toEqual(['FORBIDDEN']);
    expect(response.body.data).toEqual({
      me: { name: '高振宇' },
      division: {
        name: other.division.name,
        score: { total: other.points, explanation: null },
      },
    });
  });

  it('a division head follows a score entry of his division to the matter it is about', async () => {
    type Explained = {
      division: {
        score: {
          explanation: {
            edges: {
              node: {
                points: number;
                rule: { description: string };
                subject: { __typename: string; id: string; title: string } | null;
              };
            }[];
          };
        };
      };
    };
    const entries = await waitFor(
      async () => {
        const data = await run<Explained>(
          divisionHead,
          `query ($period: String!) { division(id: "div-general-1") { score(period: $period) {
             explanation(first: 100) { edges { node { points rule { description }
               subject { __typename ... on Assignment { id title } } } } } } } }`,
          { period: String(currentYear) },
        );
        const edges = data.division.score.explanation.edges;
        return edges.some((edge) => edge.node.subject !== null) ? edges : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 500, description: 'a scored matter of 综合一处' },
    );
    const aboutMatter = entries.find((edge) => edge.node.subject?.__typename === 'Assignment')!;
    const { assignment } = await run<{ assignment: { id: string; title: string } }>(
      divisionHead,
      'query ($id: ID!) { assignment(id: $id) { id title } }',
      { id: aboutMatter.node.subject!.id },
    );
    // The entry names the very matter he can open, by its title.
    expect(aboutMatter.node.subject).toEqual({ __typename: 'Assignment', ...assignment });
  });

  it('彭宇航, an analyst, reads the whole office’s figures within clearance, but opens only his division’s matters', async () => {
    type Figures = {
      statistics: {
        mattersByDivisionStatusMonth: { division: { id: string }; status: string; count: number }[];
        onTimeRates: { division: { id: string }; rate: number }[];
        readingRates: { division: { id: string }; due: number }[];
        scoresByRule: { division: { id: string }; ruleId: string; points: number }[];
      };
      assignments: { totalCount: number };
    };
    const figures = await run<Figures>(
      analyst,
      `query ($year: Int!) {
         statistics(year: $year) {
           mattersByDivisionStatusMonth { division { id } status month count }
           onTimeRates { division { id } month rate }
           readingRates { division { id } month due acknowledged onTimeRate }
           scoresByRule { division { id } ruleId description points entries }
         }
         assignments(first: 1) { totalCount } }`,
      { year: currentYear },
    );
    const counted = new Set(
      figures.statistics.mattersByDivisionStatusMonth.map((count) => count.division.id),
    );
    expect(counted).toContain('div-general-1');
    expect(counted.size).toBeGreaterThan(1);
    const own = await run<{ assignments: { totalCount: number } }>(
      analyst,
      '{ assignments(filter: { divisionId: "div-research" }, first: 1) { totalCount } }',
    );
    // Opening matters is still the ordinary rule: what his division leads or co-organises.
    expect(figures.assignments.totalCount).toBe(own.assignments.totalCount);
    const total = figures.statistics.mattersByDivisionStatusMonth.reduce((n, c) => n + c.count, 0);
    expect(total).toBeGreaterThan(figures.assignments.totalCount);
    // A member of staff without the role counts only what he may open.
    const staffFigures = await run<Figures>(
      divisionStaff,
      `query ($year: Int!) { statistics(year: $year) {
         mattersByDivisionStatusMonth { division { id } count } scoresByRule { division { id } } } }`,
      { year: currentYear },
    );
    expect(new Set(staffFigures.statistics.scoresByRule.map((score) => score.division.id))).toEqual(
      new Set(['div-general-1']),
    );
  });

  it('nobody reads another person’s work list', async () => {
    const { staffMember } = await run<{ staffMember: { name: string; work: unknown } }>(
      divisionStaff,
      '{ staffMember(id: "staff-general-1-head") { name work { matters { totalCount } } } }',
    );
    expect(staffMember).toEqual({ name: '高振宇', work: null });
  });
});
