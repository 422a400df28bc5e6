import type { TemplateStep, WorkflowKind } from './workflow.model.js';

const days = (amount: number) => ({ unit: 'WORKING_DAYS' as const, amount });
const hours = (amount: number) => ({ unit: 'WORKING_HOURS' as const, amount });
const step = (
  key: string,
  name: string,
  responsibleDivisionId: string | null,
  responsibleRole: string,
  standard: string,
  quantity: string,
  timeLimit: TemplateStep['timeLimit'],
  next: string[],
): TemplateStep => ({
  key,
  name,
  responsibleDivisionId,
  responsibleRole,
  standard,
  quantity,
  timeLimit,
  next,
});

export interface DefaultTemplate {
  key: string;
  kind: WorkflowKind;
  name: string;
  steps: TemplateStep[];
}

/**
 * The office's four standard workflows (工作流程化、流程精细化) as version 1, stored on first start
 * and then edited by office leadership as data. 办文 branches after 登记 into 收文 and 发文 paths.
 */
export const DEFAULT_TEMPLATES: readonly DefaultTemplate[] = [
  {
    key: 'document',
    kind: 'DOCUMENT',
    name: '办文流程（收文、发文）',
    steps: [
      step(
        'sign-for',
        '签收',
        'div-documents',
        '文电处收文岗',
        '核对来文份数、密级、时限，当场签收',
        '每件来文1次签收',
        hours(2),
        ['register'],
      ),
      step(
        'register',
        '登记',
        'div-documents',
        '文电处登记岗',
        '录入文号、标题、密级、紧急程度，不漏项',
        '登记要素10项',
        hours(4),
        ['propose', 'draft'],
      ),
      step(
        'propose',
        '拟办',
        null,
        '承办处室处长',
        '提出拟办意见，明确主办、协办',
        '意见不超过200字',
        days(1),
        ['approve'],
      ),
      step('approve', '批办', null, '厅领导', '厅领导批示办理意见', '', days(1), ['handle']),
      step('handle', '承办', null, '承办处室', '按批办意见办理，形成办理结果', '', days(5), [
        'finish',
      ]),
      step(
        'finish',
        '办结',
        'div-documents',
        '文电处',
        '办理结果归档，反馈来文单位',
        '',
        days(1),
        [],
      ),
      step(
        'draft',
        '起草',
        null,
        '起草处室',
        '符合《党政机关公文处理工作条例》格式要求',
        '正文一般不超过5000字',
        days(3),
        ['review'],
      ),
      step(
        'review',
        '核稿',
        'div-documents',
        '文电处核稿岗',
        '核对格式、文字、政策口径',
        '差错率为零',
        days(1),
        ['sign-off'],
      ),
      step('sign-off', '签发', null, '厅领导', '签发人签署意见和日期', '', days(1), ['number']),
      step('number', '编号', 'div-documents', '文电处', '按年度顺序编发文字号', '', hours(2), [
        'print',
      ]),
      step(
        'print',
        '印发',
        'div-documents',
        '文电处印制岗',
        '校对无误后印制、分发',
        '',
        days(1),
        [],
      ),
    ],
  },
  {
    key: 'meeting',
    kind: 'MEETING',
    name: '办会流程',
    steps: [
      step(
        'plan',
        '会议方案',
        'div-meetings',
        '会务处',
        '明确会议议题、规模、时间、地点',
        '方案1页',
        days(2),
        ['notice'],
      ),
      step(
        'notice',
        '发会议通知',
        'div-meetings',
        '会务处',
        '通知送达全部参会单位并确认回执',
        '',
        days(1),
        ['materials'],
      ),
      step(
        'materials',
        '准备会议材料',
        null,
        '承办处室',
        '材料齐全、审核无误',
        '讲话稿不超过3000字',
        days(3),
        ['venue'],
      ),
      step('venue', '会场布置', 'div-meetings', '会务处', '座次、音响、标识到位', '', hours(4), [
        'minutes',
      ]),
      step(
        'minutes',
        '会议纪要',
        null,
        '承办处室',
        '会后形成纪要，报领导审定',
        '纪要不超过2000字',
        days(2),
        [],
      ),
    ],
  },
  {
    key: 'supervision',
    kind: 'SUPERVISION',
    name: '信息督查流程',
    steps: [
      step(
        'collect',
        '信息收集',
        'div-information',
        '信息处',
        '收集各地各部门报送信息，去重核实',
        '每日汇总1次',
        days(1),
        ['edit'],
      ),
      step(
        'edit',
        '编辑报送',
        'div-information',
        '信息处编辑岗',
        '编成信息专报，报领导审签',
        '每期不超过5条',
        days(1),
        ['assign'],
      ),
      step(
        'assign',
        '立项督查',
        'div-supervision',
        '督查室',
        '领导批示事项立项，明确责任单位和时限',
        '',
        days(1),
        ['follow'],
      ),
      step(
        'follow',
        '跟踪督办',
        'div-supervision',
        '督查室',
        '定期跟踪，逾期催办',
        '每周跟踪1次',
        days(10),
        ['report'],
      ),
      step(
        'report',
        '反馈报告',
        'div-supervision',
        '督查室',
        '形成督查报告，反馈领导',
        '',
        days(2),
        [],
      ),
    ],
  },
  {
    key: 'research',
    kind: 'RESEARCH',
    name: '综合调研流程',
    steps: [
      step('topic', '选题', 'div-research', '调研室', '围绕市委中心工作确定课题', '', days(5), [
        'plan',
      ]),
      step('plan', '制定方案', null, '牵头处室', '明确调研提纲、分工、时间安排', '', days(3), [
        'fieldwork',
      ]),
      step(
        'fieldwork',
        '实地调研',
        null,
        '调研组',
        '座谈、走访、问卷，形成一手材料',
        '不少于5个调研点',
        days(15),
        ['draft'],
      ),
      step(
        'draft',
        '形成初稿',
        null,
        '牵头处室',
        '观点明确、数据准确、对策可行',
        '一般不超过8000字',
        days(10),
        ['final'],
      ),
      step('final', '审定成稿', 'div-research', '调研室', '厅领导审定，报送市委', '', days(5), []),
    ],
  },
];
