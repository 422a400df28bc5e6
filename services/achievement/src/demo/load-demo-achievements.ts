import { claimsForStaff } from '@heli/demo-data';
import type { Outbox } from '@heli/subgraph-runtime';
import { registerAchievement } from '../achievements/achievements.commands.js';
import { adoptPost, hidePost, openTopic, postToForum } from '../forum/forum.commands.js';
import type { AchievementModels } from '../models.js';
import { writeAchievement, type AchievementWrite } from '../records/achievement-write.js';
import { claimUse, decideUse } from '../reuse/reuse.commands.js';
import { demoAchievements, demoUses } from './demo-achievements.js';

const DAY = 86_400_000;
const as = claimsForStaff;

export interface DemoAchievementSummary {
  achievements: number;
  uses: number;
  forumPosts: number;
}

/** Everyone the demo acts as or names: the directory must know them before the commands run. */
function demoPeople(): string[] {
  return [
    ...new Set([
      ...demoAchievements.flatMap((a) => [a.registrar, ...a.input.authorStaffIds]),
      ...demoUses.flatMap((u) => [u.claimant, ...(u.decision ? [u.decision.by] : [])]),
      ...FORUM_PEOPLE,
    ]),
  ];
}

/**
 * Loads the demo achievements, uses (confirmed, disputed, one waiting) and an open forum topic
 * with threads, a hidden post and an adopted one — through the same commands the mutations use,
 * so they obey the same rules and announce the same events (sharing catalogues the achievements,
 * assessment scores the confirmed uses and the adopted post). One transaction; once loaded
 * (the first demo achievement exists) it is left alone.
 */
export async function loadDemoAchievements(
  scope: { models: AchievementModels; outbox: Outbox },
  now: Date,
): Promise<DemoAchievementSummary | null> {
  if (await scope.models.achievements.exists({ _id: demoAchievements[0]!.id })) return null;
  return writeAchievement(scope, async (write) => {
    for (const demo of demoAchievements) {
      await registerAchievement(write, as(demo.registrar), demo.input, now, demo.id);
    }
    for (const demo of demoUses) {
      const use = await claimUse(
        write,
        as(demo.claimant),
        { achievementId: demo.achievementId, kind: demo.kind, purpose: demo.purpose },
        now,
      );
      if (demo.decision) {
        await decideUse(
          write,
          as(demo.decision.by),
          {
            id: use._id,
            confirm: demo.decision.confirm,
            reason: demo.decision.confirm ? null : demo.decision.reason,
          },
          now,
        );
      }
    }
    const forumPosts = await loadForum(write, now);
    return { achievements: demoAchievements.length, uses: demoUses.length, forumPosts };
  });
}

const FORUM_PEOPLE = [
  'staff-director',
  'staff-research-1',
  'staff-legal-1',
  'staff-general-1-1',
  'staff-research-analyst',
  'staff-information-1',
];

/** An open topic on a key problem, assigned to three divisions, with two threads. */
async function loadForum(write: AchievementWrite, now: Date): Promise<number> {
  const topic = await openTopic(
    write,
    as('staff-director'),
    {
      title: '如何破解基层报表多、填报负担重的问题',
      description:
        '基层反映各类报表多头重复、填报负担重。请各处室结合职责提出可操作的减负办法，重点是统一归口和数据共享。',
      classification: 'INTERNAL',
      assignedDivisionIds: ['div-research', 'div-general-1', 'div-legal'],
      opensAt: new Date(now.getTime() - 3 * DAY),
      closesAt: new Date(now.getTime() + 27 * DAY),
    },
    new Date(now.getTime() - 3 * DAY),
  );
  // Posts an hour apart, so the threads read in the order they were written.
  let written = 0;
  const post = (by: string, body: string, parentPostId: string | null = null) =>
    postToForum(
      write,
      as(by),
      { topicId: topic._id, parentPostId, body, classification: 'INTERNAL' },
      new Date(now.getTime() - (48 - written++) * 3_600_000),
    );
  const adopted = await post(
    'staff-research-1',
    '建议建立报表统一归口管理制度：由办公厅汇总各部门报表需求，同类数据一次采集、多方共享，未经备案的报表基层可不填报。',
  );
  await post(
    'staff-legal-1',
    '赞同。可同步出台报表备案审查办法，明确未经备案的报表一律无效。',
    adopted._id,
  );
  await post('staff-research-analyst', '可先在两个区县试点，三个月后评估减负效果。', adopted._id);
  await post(
    'staff-general-1-1',
    '建议把报表减负纳入重点工作督办清单，按季度通报各部门报表数量变化。',
  );
  const offTopic = await post('staff-information-1', '内网聊天室什么时候开通？');
  await hidePost(
    write,
    as('staff-director'),
    { id: offTopic._id, reason: '与议题无关，请通过信息处服务台咨询' },
    now,
  );
  await adoptPost(write, as('staff-director'), adopted._id, now);
  return 5;
}

/**
 * Loads the demo once the directory knows everyone it names: at first start responsibility
 * announces the organisation while this service starts, so the loader waits for those events
 * (polling, in the background) instead of copying the organisation itself.
 */
export function loadDemoAchievementsWhenDirectoryReady(
  scope: { models: AchievementModels; outbox: Outbox },
  now: () => Date,
  log: (summary: DemoAchievementSummary | null | Error) => void,
  { intervalMs = 2_000, attempts = 90 } = {},
): () => void {
  const people = demoPeople();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const attempt = async (left: number) => {
    if (stopped) return;
    const known = await scope.models.directoryStaff.countDocuments({ _id: { $in: people } });
    if (known === people.length) {
      log(await loadDemoAchievements(scope, now()));
      return;
    }
    if (left <= 1) {
      log(new Error(`目录中仅有 ${known}/${people.length} 名演示人员，未加载成果演示数据`));
      return;
    }
    timer = setTimeout(() => void attempt(left - 1).catch(log), intervalMs);
    // Waiting for the directory never keeps a stopping process alive.
    timer.unref();
  };
  void attempt(attempts).catch(log);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
