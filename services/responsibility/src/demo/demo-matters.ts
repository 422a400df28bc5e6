import type { Classification } from '@heli/auth';
import type { AssignmentPriority } from '../assignments/assignment-fields.rules.js';
import type { AssignmentSource } from '../assignments/assignment.model.js';
import type { DifficultyStatus } from '../difficulties/difficulties.rules.js';
import type { DutyRole } from '../duties/duties.rules.js';
import type { ReportFrequency } from '../progress-reports/report-schedule.rules.js';

/** A step in a demo matter's life, `daysAgo` before the demo was loaded. */
export type DemoStep =
  | { do: 'ACCEPT' | 'COMPLETE'; daysAgo: number; by: string }
  | { do: 'REPORT'; daysAgo: number; by: string; text: string; percent: number }
  | { do: 'SUBMIT'; daysAgo: number; by: string; text: string }
  | { do: 'RETURN' | 'CANCEL'; daysAgo: number; by: string; reason: string }
  | { do: 'REMIND'; daysAgo: number; by: string; text: string };

export interface DemoMatter {
  id: string;
  parentId?: string;
  title: string;
  requirements: string;
  source: AssignmentSource;
  sourceRef?: string;
  classification: Classification;
  leadDivisionId: string;
  coDivisionIds: string[];
  responsibleStaffIds: string[];
  assignedBy: string;
  priority: AssignmentPriority;
  reportFrequency: ReportFrequency;
  createdDaysAgo: number;
  /** Days from the load to the deadline; negative: already past. */
  deadlineInDays: number;
  steps: DemoStep[];
}

const LEADER = 'staff-executive-deputy';
const DIRECTOR = 'staff-director';

/** 交办事项 in every state, including late ones the first supervision tick escalates. */
export const demoMatters: readonly DemoMatter[] = [
  {
    id: 'assignment-demo-plan',
    title: '起草《关于整合政务资源强化整体合力的实施方案》',
    requirements:
      '围绕人力、技术、信息、成果四类资源，提出统筹整合的具体举措和责任分工，形成方案初稿报厅领导审定。',
    source: 'LEADERSHIP',
    classification: 'INTERNAL',
    leadDivisionId: 'div-general-1',
    coDivisionIds: ['div-research'],
    responsibleStaffIds: ['staff-general-1-1'],
    assignedBy: LEADER,
    priority: 'HIGH',
    reportFrequency: 'WEEKLY',
    createdDaysAgo: 1,
    deadlineInDays: 12,
    steps: [],
  },
  {
    id: 'assignment-demo-catalogue',
    title: '建设全市政务信息资源共享目录',
    requirements:
      '梳理各处室掌握的政务信息资源，按密级和知悉范围编制共享目录，12月底前上线试运行。',
    source: 'LEADERSHIP',
    classification: 'INTERNAL',
    leadDivisionId: 'div-information',
    coDivisionIds: ['div-secretariat'],
    responsibleStaffIds: ['staff-information-1'],
    assignedBy: LEADER,
    priority: 'NORMAL',
    reportFrequency: 'BIWEEKLY',
    createdDaysAgo: 3,
    deadlineInDays: 30,
    steps: [{ do: 'ACCEPT', daysAgo: 2, by: 'staff-information-head' }],
  },
  {
    id: 'assignment-demo-joint-research',
    title: '开展“集团作业”式联合调研：优化营商环境',
    requirements: '会同综合一处、综合二处抽调骨干组成联合调研组，形成高质量调研报告。',
    source: 'LEADERSHIP',
    classification: 'INTERNAL',
    leadDivisionId: 'div-research',
    coDivisionIds: ['div-general-1', 'div-general-2'],
    responsibleStaffIds: ['staff-research-deputy', 'staff-research-1'],
    assignedBy: DIRECTOR,
    priority: 'HIGH',
    reportFrequency: 'WEEKLY',
    createdDaysAgo: 20,
    deadlineInDays: 25,
    steps: [
      { do: 'ACCEPT', daysAgo: 19, by: 'staff-research-head' },
      {
        do: 'REPORT',
        daysAgo: 14,
        by: 'staff-research-deputy',
        text: '已确定调研提纲，完成12家企业座谈。',
        percent: 30,
      },
      {
        do: 'REPORT',
        daysAgo: 7,
        by: 'staff-research-deputy',
        text: '实地走访3个区县政务服务中心，形成问题清单。',
        percent: 55,
      },
    ],
  },
  {
    id: 'assignment-demo-document-flow',
    title: '清理规范办公厅公文处理流程',
    requirements: '对照《党政机关公文处理工作条例》，梳理办文各环节时限和责任，修订办文流程图。',
    source: 'LEADERSHIP',
    classification: 'INTERNAL',
    leadDivisionId: 'div-documents',
    coDivisionIds: [],
    responsibleStaffIds: ['staff-documents-1'],
    assignedBy: LEADER,
    priority: 'NORMAL',
    reportFrequency: 'AD_HOC',
    createdDaysAgo: 15,
    deadlineInDays: 5,
    steps: [
      { do: 'ACCEPT', daysAgo: 14, by: 'staff-documents-head' },
      {
        do: 'REPORT',
        daysAgo: 8,
        by: 'staff-documents-1',
        text: '完成流程梳理，征求各处室意见。',
        percent: 70,
      },
      {
        do: 'SUBMIT',
        daysAgo: 1,
        by: 'staff-documents-head',
        text: '修订后的办文流程图及说明已报送，请审定。',
      },
    ],
  },
  {
    id: 'assignment-demo-conference',
    title: '筹备全市政务资源整合工作推进会',
    requirements: '做好会议方案、材料印制、会场布置和会议纪要起草工作。',
    source: 'LEADERSHIP',
    classification: 'INTERNAL',
    leadDivisionId: 'div-meetings',
    coDivisionIds: ['div-secretariat'],
    responsibleStaffIds: ['staff-meetings-1'],
    assignedBy: LEADER,
    priority: 'URGENT',
    reportFrequency: 'AD_HOC',
    createdDaysAgo: 18,
    deadlineInDays: -5,
    steps: [
      { do: 'ACCEPT', daysAgo: 18, by: 'staff-meetings-head' },
      {
        do: 'REPORT',
        daysAgo: 12,
        by: 'staff-meetings-1',
        text: '会议方案已报批，材料进入印制。',
        percent: 60,
      },
      {
        do: 'SUBMIT',
        daysAgo: 7,
        by: 'staff-meetings-head',
        text: '推进会已顺利召开，会议纪要已印发。',
      },
      { do: 'COMPLETE', daysAgo: 6, by: LEADER },
    ],
  },
  {
    id: 'assignment-demo-info-summary',
    title: '汇总各区县、市直部门三季度信息报送情况',
    requirements: '统计各单位信息报送和采用数量，形成通报。',
    source: 'HIGHER_OFFICE',
    classification: 'INTERNAL',
    leadDivisionId: 'div-secretariat',
    coDivisionIds: [],
    responsibleStaffIds: ['staff-secretariat-1'],
    assignedBy: DIRECTOR,
    priority: 'NORMAL',
    reportFrequency: 'AD_HOC',
    createdDaysAgo: 30,
    deadlineInDays: -20,
    steps: [
      { do: 'ACCEPT', daysAgo: 29, by: 'staff-secretariat-head' },
      {
        do: 'SUBMIT',
        daysAgo: 15,
        by: 'staff-secretariat-1',
        text: '三季度信息报送情况通报已形成。',
      },
      { do: 'COMPLETE', daysAgo: 14, by: DIRECTOR },
    ],
  },
  {
    id: 'assignment-demo-legal-review',
    title: '审核《政务信息共享管理办法（草案）》',
    requirements: '从合法性、合规性角度提出审核意见。',
    source: 'LEADERSHIP',
    classification: 'INTERNAL',
    leadDivisionId: 'div-legal',
    coDivisionIds: [],
    responsibleStaffIds: ['staff-legal-deputy'],
    assignedBy: LEADER,
    priority: 'NORMAL',
    reportFrequency: 'AD_HOC',
    createdDaysAgo: 10,
    deadlineInDays: 7,
    steps: [
      { do: 'ACCEPT', daysAgo: 9, by: 'staff-legal-head' },
      {
        do: 'SUBMIT',
        daysAgo: 4,
        by: 'staff-legal-deputy',
        text: '审核意见已形成，共提出修改意见6条。',
      },
      {
        do: 'RETURN',
        daysAgo: 3,
        by: LEADER,
        reason: '请补充与上位法衔接的分析，并逐条说明修改理由。',
      },
    ],
  },
  {
    id: 'assignment-demo-study-trip',
    title: '组织赴外地考察学习政务资源整合经验',
    requirements: '拟定考察方案，联系考察单位。',
    source: 'LEADERSHIP',
    classification: 'PUBLIC',
    leadDivisionId: 'div-general-2',
    coDivisionIds: [],
    responsibleStaffIds: [],
    assignedBy: LEADER,
    priority: 'NORMAL',
    reportFrequency: 'AD_HOC',
    createdDaysAgo: 12,
    deadlineInDays: 15,
    steps: [
      { do: 'ACCEPT', daysAgo: 11, by: 'staff-general-2-head' },
      { do: 'CANCEL', daysAgo: 5, by: LEADER, reason: '根据厉行节约要求，改为视频交流。' },
    ],
  },
  {
    id: 'assignment-demo-supervision',
    title: '督查市委常委会议定事项落实情况',
    requirements: '对10月份常委会议定的8项事项逐项督查，形成督查通报。',
    source: 'LEADERSHIP',
    classification: 'CONFIDENTIAL',
    leadDivisionId: 'div-supervision',
    coDivisionIds: [],
    responsibleStaffIds: ['staff-supervision-1'],
    assignedBy: LEADER,
    priority: 'HIGH',
    reportFrequency: 'WEEKLY',
    createdDaysAgo: 14,
    deadlineInDays: -1,
    steps: [
      { do: 'ACCEPT', daysAgo: 13, by: 'staff-supervision-head' },
      {
        do: 'REPORT',
        daysAgo: 6,
        by: 'staff-supervision-1',
        text: '已完成5项事项的实地督查。',
        percent: 65,
      },
    ],
  },
  {
    id: 'assignment-demo-ledger',
    title: '整理全年重点工作台账',
    requirements: '按月梳理办公厅重点工作完成情况，形成台账。',
    source: 'LEADERSHIP',
    classification: 'INTERNAL',
    leadDivisionId: 'div-general-2',
    coDivisionIds: [],
    responsibleStaffIds: ['staff-general-2-1'],
    assignedBy: LEADER,
    priority: 'NORMAL',
    reportFrequency: 'AD_HOC',
    createdDaysAgo: 20,
    deadlineInDays: -4,
    steps: [
      { do: 'ACCEPT', daysAgo: 19, by: 'staff-general-2-head' },
      { do: 'REMIND', daysAgo: 6, by: LEADER, text: '台账下周一前务必报送，请抓紧。' },
    ],
  },
  {
    id: 'assignment-demo-confidential-check',
    title: '完成年度涉密载体清查',
    requirements: '对全厅涉密文件、存储介质逐一清点登记。',
    source: 'LEADERSHIP',
    classification: 'SECRET',
    leadDivisionId: 'div-confidential',
    coDivisionIds: [],
    responsibleStaffIds: ['staff-confidential-1'],
    assignedBy: DIRECTOR,
    priority: 'URGENT',
    reportFrequency: 'AD_HOC',
    createdDaysAgo: 25,
    deadlineInDays: -9,
    steps: [
      { do: 'ACCEPT', daysAgo: 24, by: 'staff-confidential-head' },
      {
        do: 'REPORT',
        daysAgo: 12,
        by: 'staff-confidential-1',
        text: '已清查涉密文件1200余份。',
        percent: 40,
      },
    ],
  },
  {
    id: 'assignment-demo-instruction',
    title: '落实领导批示：关于进一步加强政务信息报送工作的意见',
    requirements: '请办公厅牵头，信息处配合，研究提出加强信息报送的具体措施。',
    source: 'INSTRUCTION',
    sourceRef: 'instruction-demo-001',
    classification: 'CONFIDENTIAL',
    leadDivisionId: 'div-general-1',
    coDivisionIds: ['div-information'],
    responsibleStaffIds: ['staff-general-1-deputy'],
    assignedBy: 'staff-party-secretary',
    priority: 'HIGH',
    reportFrequency: 'WEEKLY',
    createdDaysAgo: 9,
    deadlineInDays: 20,
    steps: [
      { do: 'ACCEPT', daysAgo: 8, by: 'staff-general-1-head' },
      {
        do: 'REPORT',
        daysAgo: 2,
        by: 'staff-general-1-deputy',
        text: '已起草措施初稿，正在征求信息处意见。',
        percent: 40,
      },
    ],
  },
  {
    id: 'assignment-demo-instruction-info',
    parentId: 'assignment-demo-instruction',
    title: '提出信息报送考核办法修订建议',
    requirements: '结合信息采用情况，提出考核办法修订建议，报综合一处汇总。',
    source: 'INSTRUCTION',
    classification: 'CONFIDENTIAL',
    leadDivisionId: 'div-information',
    coDivisionIds: [],
    responsibleStaffIds: ['staff-information-deputy'],
    assignedBy: 'staff-general-1-head',
    priority: 'HIGH',
    reportFrequency: 'WEEKLY',
    createdDaysAgo: 7,
    deadlineInDays: 14,
    steps: [
      { do: 'ACCEPT', daysAgo: 7, by: 'staff-information-head' },
      {
        do: 'REPORT',
        daysAgo: 1,
        by: 'staff-information-deputy',
        text: '修订建议已形成初稿。',
        percent: 60,
      },
    ],
  },
  {
    id: 'assignment-demo-decision',
    title: '第三次议政会议定：开通政务工作论坛',
    requirements: '在内网开通政务工作论坛，围绕重点难点问题开展交流研讨。',
    source: 'MEETING_DECISION',
    sourceRef: 'decision-demo-001',
    classification: 'INTERNAL',
    leadDivisionId: 'div-information',
    coDivisionIds: ['div-research'],
    responsibleStaffIds: ['staff-information-admin'],
    assignedBy: LEADER,
    priority: 'NORMAL',
    reportFrequency: 'MONTHLY',
    createdDaysAgo: 5,
    deadlineInDays: 40,
    steps: [{ do: 'ACCEPT', daysAgo: 4, by: 'staff-information-head' }],
  },
];

export interface DemoDifficulty {
  id: string;
  divisionId: string;
  assignmentId: string | null;
  title: string;
  description: string;
  raisedBy: string;
  raisedDaysAgo: number;
  status: DifficultyStatus;
  resolver?: string;
  resolution?: string;
}

export const demoDifficulties: readonly DemoDifficulty[] = [
  {
    id: 'difficulty-demo-researchers',
    divisionId: 'div-research',
    assignmentId: 'assignment-demo-joint-research',
    title: '联合调研人员抽调困难',
    description: '综合二处近期任务较重，暂无法按计划抽调2名骨干参加联合调研组。',
    raisedBy: 'staff-research-head',
    raisedDaysAgo: 6,
    status: 'OPEN',
  },
  {
    id: 'difficulty-demo-carriers',
    divisionId: 'div-confidential',
    assignmentId: 'assignment-demo-confidential-check',
    title: '涉密载体数量大、清查人手不足',
    description: '需清查载体逾3000件，现有人员难以按期完成，请求协调人力支持。',
    raisedBy: 'staff-confidential-head',
    raisedDaysAgo: 10,
    status: 'IN_RESOLUTION',
    resolver: 'staff-deputy-director-1',
  },
  {
    id: 'difficulty-demo-data-standards',
    divisionId: 'div-information',
    assignmentId: null,
    title: '各处室数据标准不统一',
    description: '各处室信息资源格式、分类口径不一致，影响共享目录编制。',
    raisedBy: 'staff-information-head',
    raisedDaysAgo: 12,
    status: 'RESOLVED',
    resolver: 'staff-executive-deputy',
    resolution: '经协调机构会议研究，由信息处牵头制定统一的数据标准，各处室按标准整理。',
  },
];

export interface DemoDuty {
  id: string;
  divisionId: string;
  role: DutyRole;
  description: string;
  standard: string;
}

export const demoDuties: readonly DemoDuty[] = [
  {
    id: 'duty-demo-general-1-designer',
    divisionId: 'div-general-1',
    role: 'DESIGNER',
    description: '牵头设计政务资源整合的总体思路和制度框架。',
    standard: '每年修订一次整合工作方案，经协调机构审议通过。',
  },
  {
    id: 'duty-demo-secretariat-organiser',
    divisionId: 'div-secretariat',
    role: 'ORGANISER',
    description: '组织各区县、市直部门及人大、政协、人民团体的信息报送与分送。',
    standard: '报送信息当日登记，定期分送不晚于每周五。',
  },
  {
    id: 'duty-demo-information-practitioner',
    divisionId: 'div-information',
    role: 'PRACTITIONER',
    description: '建设和维护政务信息共享目录及内网平台。',
    standard: '平台可用率不低于99%，目录每月更新。',
  },
  {
    id: 'duty-demo-research-promoter',
    divisionId: 'div-research',
    role: 'PROMOTER',
    description: '推动调研成果在各处室借鉴、应用和转化。',
    standard: '每季度至少推动2项调研成果转化应用。',
  },
  {
    id: 'duty-demo-supervision-organiser',
    divisionId: 'div-supervision',
    role: 'ORGANISER',
    description: '组织交办事项的督查督办和定期通报。',
    standard: '超期事项当日提醒，每月通报一次办理情况。',
  },
];
