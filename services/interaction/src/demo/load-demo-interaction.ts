import { claimsForStaff, demoStaff, OWN_OFFICE_ID } from '@heli/demo-data';
import type { Outbox } from '@heli/subgraph-runtime';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import {
  addAgendaItem,
  closeMeeting,
  recordAbsence,
  scheduleMeeting,
  signIn,
} from '../meetings/meetings.commands.js';
import type { AgendaItemDraft } from '../meetings/meetings.rules.js';
import type { InteractionModels } from '../models.js';
import { writeInteraction, type InteractionWrite } from '../records/interaction-write.js';
import {
  openResearchPeriod,
  proposeResearchTopic,
  type ResearchSettings,
} from '../research/research.commands.js';
import { startCase } from '../workflows/workflow.commands.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const as = claimsForStaff;

/** The demo's marker: when this meeting exists, the demo was loaded and is left alone. */
export const DEMO_HELD_MEETING_ID = 'meeting-demo-deliberation-held';
export const DEMO_NEXT_MEETING_ID = 'meeting-demo-deliberation-next';
export const DEMO_JOINT_MEETING_ID = 'meeting-demo-research-joint';

export interface DemoInteractionSettings extends ResearchSettings {
  calendar: WorkingCalendar;
  minutesReadingDays: number;
}

export interface DemoInteractionSummary {
  meetings: number;
  decisions: number;
  proposals: number;
  cases: number;
}

const deployment = (
  title: string,
  leadDivisionId: string,
  coDivisionIds: string[],
  deadline: Date,
  requirements: string,
): AgendaItemDraft => ({
  kind: 'DEPLOYMENT',
  title,
  content: '',
  documentIds: [],
  linkedEntryIds: [],
  deployment: { leadDivisionId, coDivisionIds, deadline, requirements },
});

/** Eight proposals for the coming half year; the first two are the same research in other words. */
export const DEMO_PROPOSALS = [
  [
    'staff-general-1-head',
    '优化营商环境对策研究',
    '围绕市委优化营商环境部署，调研企业办事难点堵点，提出对策建议。',
    '优化营商环境',
  ],
  [
    'staff-general-2-head',
    '进一步优化我市营商环境的对策研究',
    '针对企业反映的办事难点堵点问题开展调研，提出优化营商环境的对策建议。',
    '优化营商环境',
  ],
  [
    'staff-information-head',
    '哈尔滨冰雪经济高质量发展研究',
    '分析冰雪旅游、冰雪装备产业现状，提出发展路径。',
    '冰雪经济',
  ],
  [
    'staff-supervision-head',
    '基层减负工作情况调研',
    '了解基层文山会海、督查检查考核过多问题，提出减负举措。',
    '基层治理',
  ],
  [
    'staff-legal-head',
    '党内法规执行情况评估',
    '梳理近三年市委出台的党内法规和规范性文件，评估执行效果。',
    '依规治党',
  ],
  [
    'staff-research-head',
    '数字政府建设推进情况调研',
    '了解各部门政务服务平台建设和数据归集情况，查找短板弱项。',
    '数字政府',
  ],
  [
    'staff-documents-head',
    '公文处理规范化水平提升研究',
    '分析全市公文格式、行文规则方面的常见问题，提出规范办法。',
    '机关建设',
  ],
  [
    'staff-meetings-head',
    '会议活动精简高效运行机制研究',
    '总结近年会议活动精简经验，研究控制会议数量、压缩会议时间的办法。',
    '机关建设',
  ],
] as const;

/**
 * The last 国庆 (National Day) start before `now`: a case started the afternoon before it waits
 * out the whole holiday, which is what the overdue demo case shows.
 */
function dayBeforeNationalDay(now: Date): Date {
  const year = now.getUTCFullYear();
  const thisYear = new Date(`${year}-09-30T16:00:00+08:00`);
  return now.getTime() > thisYear.getTime() + 30 * DAY
    ? thisYear
    : new Date(`${year - 1}-09-30T16:00:00+08:00`);
}

/**
 * Loads the demo interaction data through the same commands the mutations use (so it obeys the
 * same rules and emits the same events): a 议政会 held last week whose three 部署 items become
 * matters in responsibility and whose minutes go to the absent 法规室, another next week, a
 * research period with eight proposals (two near-duplicates) and its joint meeting, and a running
 * case of each standard workflow, one of them overdue across the National Day holiday. Loaded
 * once: when the held meeting exists nothing is done.
 */
export async function loadDemoInteraction(
  scope: { models: InteractionModels; outbox: Outbox },
  now: Date,
  settings: DemoInteractionSettings,
): Promise<DemoInteractionSummary | null> {
  if (await scope.models.meetings.exists({ _id: DEMO_HELD_MEETING_ID })) return null;
  return writeInteraction(scope, async (write) => {
    const decisions = await heldDeliberation(write, now, settings);
    await upcomingMeetings(write, now);
    const proposals = await researchPeriod(write, now, settings);
    const cases = await runningCases(write, now, settings.calendar);
    return { meetings: 3, decisions, proposals, cases };
  });
}

async function heldDeliberation(
  write: InteractionWrite,
  now: Date,
  settings: DemoInteractionSettings,
): Promise<number> {
  const director = as('staff-director');
  const held = new Date(now.getTime() - 7 * DAY);
  const scheduledAt = new Date(held.getTime() - 3 * DAY);
  const deadline = (days: number) => new Date(now.getTime() + days * DAY);
  await scheduleMeeting(
    write,
    director,
    {
      kind: 'DELIBERATION',
      title: '2026年第十二次议政会',
      startsAt: held,
      place: '市委办公厅第一会议室',
      chairStaffId: 'staff-director',
      attendingDivisionIds: [
        'div-general-1',
        'div-information',
        'div-supervision',
        'div-research',
        'div-legal',
      ],
      attendeeStaffIds: ['staff-executive-deputy'],
      classification: 'INTERNAL',
      partnerOfficeIds: [],
      keyWorkItemIds: [],
      organiserDivisionId: 'div-meetings',
    },
    scheduledAt,
    DEMO_HELD_MEETING_ID,
  );
  const items: AgendaItemDraft[] = [
    {
      kind: 'BRIEFING',
      title: '通报市委常委会第45次会议精神',
      content: '传达学习市委常委会会议关于冰雪经济和营商环境的部署。',
      documentIds: [],
      linkedEntryIds: [],
      deployment: null,
    },
    deployment(
      '建立政务信息资源共享目录',
      'div-information',
      ['div-general-1'],
      deadline(30),
      '梳理各处室信息资源，年底前形成共享目录并报厅领导审定。',
    ),
    deployment(
      '开展优化营商环境专题调研',
      'div-research',
      ['div-general-2'],
      deadline(45),
      '深入企业和窗口单位调研，形成调研报告报市委。',
    ),
    deployment(
      '督查年度重点工作落实情况',
      'div-supervision',
      ['div-general-1'],
      deadline(20),
      '对市委年度重点工作逐项督查，形成督查通报。',
    ),
    {
      kind: 'EXCHANGE',
      title: '交流信息报送经验',
      content: '信息处介绍提高信息采用率的做法。',
      documentIds: [],
      linkedEntryIds: [],
      deployment: null,
    },
  ];
  for (const item of items) {
    await addAgendaItem(write, director, DEMO_HELD_MEETING_ID, item, scheduledAt);
  }
  await recordAbsence(
    write,
    director,
    DEMO_HELD_MEETING_ID,
    'div-legal',
    '参加省委法规培训',
    new Date(held.getTime() - HOUR),
  );
  for (const staffId of [
    'staff-general-1-head',
    'staff-information-head',
    'staff-supervision-head',
    'staff-research-head',
    'staff-executive-deputy',
  ]) {
    await signIn(write, as(staffId), DEMO_HELD_MEETING_ID, held);
  }
  const closed = await closeMeeting(
    write,
    director,
    DEMO_HELD_MEETING_ID,
    '会议传达学习了市委常委会第45次会议精神，部署了政务信息资源共享目录、优化营商环境专题调研和年度重点工作督查三项工作，交流了信息报送经验。法规室请假，会后阅知纪要。',
    new Date(held.getTime() + 2 * HOUR),
    settings,
  );
  return closed.agenda.filter((item) => item.kind === 'DEPLOYMENT').length;
}

async function upcomingMeetings(write: InteractionWrite, now: Date): Promise<void> {
  const director = as('staff-director');
  await scheduleMeeting(
    write,
    director,
    {
      kind: 'DELIBERATION',
      title: '2026年第十三次议政会',
      startsAt: new Date(now.getTime() + 7 * DAY),
      place: '市委办公厅第一会议室',
      chairStaffId: 'staff-director',
      attendingDivisionIds: ['div-secretariat', 'div-general-1', 'div-general-2', 'div-documents'],
      attendeeStaffIds: [],
      classification: 'INTERNAL',
      partnerOfficeIds: [],
      keyWorkItemIds: [],
      organiserDivisionId: 'div-meetings',
    },
    now,
    DEMO_NEXT_MEETING_ID,
  );
  await addAgendaItem(
    write,
    director,
    DEMO_NEXT_MEETING_ID,
    {
      kind: 'BRIEFING',
      title: '通报省委办公厅关于加强政务资源共享工作的通知',
      content: '',
      documentIds: [],
      linkedEntryIds: [],
      deployment: null,
    },
    now,
  );
  await scheduleMeeting(
    write,
    director,
    {
      kind: 'RESEARCH_JOINT',
      title: '调研工作联席会议（确定上半年调研课题）',
      startsAt: new Date(now.getTime() + 10 * DAY),
      place: '市委办公厅第三会议室',
      chairStaffId: 'staff-director',
      attendingDivisionIds: DEMO_PROPOSALS.map(([head]) => as(head).divisionId!),
      attendeeStaffIds: [],
      classification: 'INTERNAL',
      partnerOfficeIds: [],
      keyWorkItemIds: [],
      organiserDivisionId: 'div-research',
    },
    now,
    DEMO_JOINT_MEETING_ID,
  );
}

/** The coming half year: from the next 1 January or 1 July. */
function nextHalfYear(now: Date): { title: string; startsOn: Date; endsOn: Date } {
  const year = now.getUTCFullYear();
  return now.getUTCMonth() < 6
    ? {
        title: `${year}年下半年`,
        startsOn: new Date(`${year}-07-01T00:00:00+08:00`),
        endsOn: new Date(`${year}-12-31T00:00:00+08:00`),
      }
    : {
        title: `${year + 1}年上半年`,
        startsOn: new Date(`${year + 1}-01-01T00:00:00+08:00`),
        endsOn: new Date(`${year + 1}-06-30T00:00:00+08:00`),
      };
}

async function researchPeriod(
  write: InteractionWrite,
  now: Date,
  settings: DemoInteractionSettings,
): Promise<number> {
  const half = nextHalfYear(now);
  if (await write.models.researchPeriods.exists({ title: half.title }).session(write.session)) {
    return 0;
  }
  const period = await openResearchPeriod(
    write,
    as('staff-research-head'),
    {
      ...half,
      priorities: ['优化营商环境', '冰雪经济', '基层治理', '数字政府', '依规治党', '机关建设'],
    },
    new Date(now.getTime() - 14 * DAY),
    settings,
  );
  let proposals = 0;
  for (const [staffId, title, rationale, priority] of DEMO_PROPOSALS) {
    await proposeResearchTopic(
      write,
      as(staffId),
      {
        periodId: period._id,
        title,
        rationale,
        priority,
        classification: 'INTERNAL',
        proposingDivisionId: null,
      },
      new Date(now.getTime() - (10 - proposals) * DAY),
      settings,
    );
    proposals++;
  }
  return proposals;
}

async function runningCases(
  write: InteractionWrite,
  now: Date,
  calendar: WorkingCalendar,
): Promise<number> {
  const cases = [
    ['document', 'staff-documents-1', '关于报送2026年度工作总结的通知（收文）', now],
    ['meeting', 'staff-meetings-1', '市委常委会第46次会议会务保障', now],
    ['supervision', 'staff-supervision-1', '市委常委会议定事项落实情况督查', now],
    // 选题 has five working days; started the afternoon before National Day it was due well after
    // the holiday week and is overdue now.
    ['research', 'staff-research-1', '第四季度综合调研：基层社会治理', dayBeforeNationalDay(now)],
  ] as const;
  for (const [templateKey, staffId, title, startedAt] of cases) {
    await startCase(write, as(staffId), { templateKey, title, subject: null }, startedAt, calendar);
  }
  return cases.length;
}

/**
 * Loads the demo once the directory holds the demo organisation. On a first start responsibility
 * announces the organisation while this service is coming up, and the demo names divisions and
 * people the commands check against the directory; so the load waits for it in the background
 * rather than holding up readiness.
 */
export function loadDemoInteractionWhenReady(
  runtime: {
    models: InteractionModels;
    outbox: Outbox;
    logger: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
    conn: { once(event: 'close', listener: () => void): unknown };
  },
  now: () => Date,
  settings: DemoInteractionSettings,
  { pollMs = 500, timeoutMs = 180_000 } = {},
): Promise<DemoInteractionSummary | null> {
  let closed = false;
  runtime.conn.once('close', () => {
    closed = true;
  });
  const needed = demoStaff.filter((staff) => staff.officeId === OWN_OFFICE_ID);
  const started = Date.now();
  const attempt = async (): Promise<DemoInteractionSummary | null> => {
    for (;;) {
      if (closed) return null;
      const known = await runtime.models.directoryStaff.countDocuments({
        _id: { $in: needed.map((staff) => staff.id) },
      });
      if (known === needed.length) break;
      if (Date.now() - started > timeoutMs) {
        runtime.logger.warn(
          { known, needed: needed.length },
          'demo interaction data not loaded: the directory is incomplete',
        );
        return null;
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
    const summary = await loadDemoInteraction(runtime, now(), settings);
    runtime.logger.info({ summary }, 'demo interaction data loaded');
    return summary;
  };
  return attempt().catch((error: unknown) => {
    if (!closed) runtime.logger.warn({ err: error }, 'demo interaction data failed to load');
    return null;
  });
}
