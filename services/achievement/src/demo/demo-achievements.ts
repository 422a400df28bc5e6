import type { RegisterAchievementInput } from '../achievements/achievements.commands.js';

/** A demo achievement: who registers it, its stable id and what they type. */
export interface DemoAchievement {
  id: string;
  registrar: string;
  input: RegisterAchievementInput;
}

/**
 * Outputs of several kinds across divisions. The first is the output of the demo lineage: the
 * 议政会 decision `decision-demo-001` became responsibility's matter `assignment-demo-decision`
 * (信息处 lead, 调研室 co-organiser), which produced this report.
 */
export const demoAchievements: readonly DemoAchievement[] = [
  {
    id: 'achievement-demo-forum-report',
    registrar: 'staff-information-head',
    input: {
      kind: 'RESEARCH_REPORT',
      title: '关于开通政务工作论坛、推动重点难点问题交流研讨的调研报告',
      summary:
        '落实第三次议政会议定事项，调研兄弟省市办公厅内网论坛做法，提出议题设置、分级管理、采纳激励三项建议。',
      body: '一、基本情况……二、存在问题……三、对策建议：（一）由办公厅领导按季度设置重点难点议题；（二）议题分级，帖子密级不高于议题；（三）被采纳帖子纳入年度考评。',
      keywords: ['政务工作论坛', '重点难点问题', '议政会'],
      classification: 'INTERNAL',
      restrictedToDivisionIds: [],
      leadDivisionId: 'div-information',
      coDivisionIds: ['div-research'],
      authorStaffIds: ['staff-information-admin', 'staff-research-analyst'],
      origin: { kind: 'MATTER', id: 'assignment-demo-decision' },
    },
  },
  {
    id: 'achievement-demo-supervision-summary',
    registrar: 'staff-general-1-head',
    input: {
      kind: 'EXPERIENCE_SUMMARY',
      title: '重点工作督办“清单、台账、时限、问责”四步法经验总结',
      summary: '总结综合一处督办重点工作的做法：任务清单化、进展台账化、节点时限化、结果问责化。',
      keywords: ['督查督办', '经验总结'],
      classification: 'INTERNAL',
      restrictedToDivisionIds: [],
      leadDivisionId: 'div-general-1',
      coDivisionIds: [],
      authorStaffIds: ['staff-general-1-1'],
    },
  },
  {
    id: 'achievement-demo-filing-review',
    registrar: 'staff-legal-head',
    input: {
      kind: 'POLICY_SUGGESTION',
      title: '关于完善规范性文件备案审查机制的政策建议',
      summary: '建议建立备案审查“双随机”抽查和年度通报制度，压实起草部门责任。',
      keywords: ['备案审查', '规范性文件'],
      classification: 'CONFIDENTIAL',
      restrictedToDivisionIds: [],
      leadDivisionId: 'div-legal',
      coDivisionIds: [],
      authorStaffIds: ['staff-legal-deputy'],
    },
  },
  {
    id: 'achievement-demo-economy-brief',
    registrar: 'staff-information-head',
    input: {
      kind: 'INFORMATION_BRIEF',
      title: '全市一季度经济运行情况信息专报',
      summary: '一季度全市地区生产总值同比增长，冰雪旅游、数字经济拉动明显，民间投资仍需提振。',
      keywords: ['经济运行', '信息专报'],
      classification: 'INTERNAL',
      restrictedToDivisionIds: [],
      leadDivisionId: 'div-information',
      coDivisionIds: [],
      authorStaffIds: ['staff-information-1'],
    },
  },
  {
    id: 'achievement-demo-speech',
    registrar: 'staff-general-2-head',
    input: {
      kind: 'SPEECH_DRAFT',
      title: '在全市优化营商环境推进大会上的讲话（代拟稿）',
      summary: '围绕“办事不求人”目标，部署营商环境攻坚行动的代拟讲话稿。',
      keywords: ['营商环境', '讲话稿'],
      classification: 'CONFIDENTIAL',
      restrictedToDivisionIds: [],
      leadDivisionId: 'div-general-2',
      coDivisionIds: [],
      authorStaffIds: ['staff-general-2-deputy'],
    },
  },
  {
    id: 'achievement-demo-risk-assessment',
    registrar: 'staff-research-head',
    input: {
      kind: 'RESEARCH_REPORT',
      title: '关于重大项目风险防控的内部研判报告',
      summary: '对在建重大项目的资金、安全和舆情风险逐项研判，仅限相关处室知悉。',
      keywords: ['风险防控', '重大项目'],
      classification: 'SECRET',
      restrictedToDivisionIds: ['div-supervision'],
      leadDivisionId: 'div-research',
      coDivisionIds: [],
      authorStaffIds: ['staff-research-head'],
    },
  },
];

/** A use a division claims, and what the provider decides (nothing: it waits). */
export interface DemoUse {
  achievementId: string;
  claimant: string;
  kind: 'REFERENCED' | 'APPLIED' | 'TRANSFORMED';
  purpose: string;
  decision: { by: string; confirm: true } | { by: string; confirm: false; reason: string } | null;
}

export const demoUses: readonly DemoUse[] = [
  // The demo lineage: applied by two divisions, both confirmed, so both score.
  {
    achievementId: 'achievement-demo-forum-report',
    claimant: 'staff-general-1-head',
    kind: 'APPLIED',
    purpose: '据此制定综合一处参与论坛研讨的工作安排',
    decision: { by: 'staff-information-head', confirm: true },
  },
  {
    achievementId: 'achievement-demo-forum-report',
    claimant: 'staff-legal-head',
    kind: 'TRANSFORMED',
    purpose: '转化为《政务工作论坛管理办法（试行）》',
    decision: { by: 'staff-information-head', confirm: true },
  },
  {
    achievementId: 'achievement-demo-supervision-summary',
    claimant: 'staff-supervision-head',
    kind: 'APPLIED',
    purpose: '在督查室年度督办工作中推广四步法',
    decision: { by: 'staff-general-1-head', confirm: true },
  },
  {
    achievementId: 'achievement-demo-supervision-summary',
    claimant: 'staff-information-head',
    kind: 'REFERENCED',
    purpose: '信息专报中引用督办做法',
    decision: {
      by: 'staff-general-1-head',
      confirm: false,
      reason: '该信息专报未见引用本经验总结的内容',
    },
  },
  {
    achievementId: 'achievement-demo-economy-brief',
    claimant: 'staff-research-head',
    kind: 'REFERENCED',
    purpose: '撰写营商环境调研报告时借鉴经济运行数据',
    decision: null,
  },
  {
    achievementId: 'achievement-demo-filing-review',
    claimant: 'staff-general-2-head',
    kind: 'REFERENCED',
    purpose: '起草营商环境讲话稿时借鉴备案审查建议',
    decision: { by: 'staff-legal-head', confirm: true },
  },
];
