import type { Classification } from '@heli/auth';
import { demoDivisions } from '@heli/demo-data';

/**
 * A synthetic catalogue in the office's own words: titles and summaries built from the phrases
 * Harbin office documents use, topics drawn with a long-tailed (Zipf-like) frequency so a few
 * topics are everywhere and most are rare, as in a real archive. Deterministic (seeded).
 */
const TOPICS = [
  '政务资源',
  '信息报送',
  '督查督办',
  '调研工作',
  '会务保障',
  '文电处理',
  '基层治理',
  '营商环境',
  '冰雪经济',
  '乡村振兴',
  '安全生产',
  '数字政府',
  '应急管理',
  '民生实事',
  '招商引资',
  '生态环境',
  '资源共享',
  '保密规定',
  '机要通信',
  '法规审查',
  '干部培训',
  '项目建设',
  '信访工作',
  '网络安全',
  '对俄合作',
  '科技创新',
  '城市更新',
  '粮食安全',
  '文化旅游',
  '老旧小区',
  '供暖保障',
  '哈尔滨新区',
];
const VERBS = ['推进', '加强', '完善', '落实', '建立', '规范', '优化', '深化', '统筹', '提升'];
const OBJECTS = [
  '工作机制',
  '共享目录',
  '信息平台',
  '工作台账',
  '管理制度',
  '办理流程',
  '标准体系',
  '考核办法',
  '协调机制',
  '经验做法',
];
const CLAUSES = [
  '围绕市委中心工作',
  '坚持问题导向',
  '各处室协同配合',
  '形成工作合力',
  '定期通报进展情况',
  '明确责任分工和办理时限',
  '总结推广基层经验',
  '强化跟踪问效',
  '做到件件有着落',
  '切实提高工作质量',
];
const CLASSIFICATION_SHARES: [Classification, number][] = [
  ['PUBLIC', 0.3],
  ['INTERNAL', 0.4],
  ['CONFIDENTIAL', 0.2],
  ['SECRET', 0.08],
  ['TOP_SECRET', 0.02],
];

export interface CorpusEntry {
  title: string;
  summary: string;
  keywords: string[];
  classification: Classification;
  sourceDivisionId: string;
}

/** Mulberry32: a small seeded generator, so every run indexes the same corpus. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function* catalogCorpus(count: number, seed = 20260302): Generator<CorpusEntry> {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  // Zipf: topic k is drawn with weight 1/(k+1).
  const weights = TOPICS.map((_, k) => 1 / (k + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const topic = () => {
    let r = random() * total;
    for (let k = 0; k < TOPICS.length; k++) {
      r -= weights[k]!;
      if (r <= 0) return TOPICS[k]!;
    }
    return TOPICS.at(-1)!;
  };
  const classification = () => {
    let r = random();
    for (const [level, share] of CLASSIFICATION_SHARES) {
      r -= share;
      if (r <= 0) return level;
    }
    return 'INTERNAL';
  };
  for (let i = 0; i < count; i++) {
    const main = topic();
    const other = topic();
    yield {
      title: `关于${pick(VERBS)}${main}${pick(OBJECTS)}的报告（第${i + 1}号）`,
      summary: `${pick(CLAUSES)}，${pick(VERBS)}${main}${pick(OBJECTS)}，${pick(CLAUSES)}；同时${pick(VERBS)}${other}相关工作，${pick(CLAUSES)}。`,
      keywords: [main, other],
      classification: classification(),
      sourceDivisionId: pick(demoDivisions).id,
    };
  }
}
