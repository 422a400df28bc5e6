import type { Classification, Role } from '@heli/auth';
import { OWN_OFFICE_ID, PROVINCIAL_OFFICE_ID } from './offices.js';
import type { DemoStaff } from './types.js';

type Member = [
  id: string,
  name: string,
  title: string,
  roles: Role[],
  clearance: Classification,
  phone?: string,
];

/** A roster of one division of the own office, one row per person. */
const roster = (divisionId: string, members: Member[]): DemoStaff[] =>
  members.map(([id, name, title, roles, clearance, phone]) => ({
    id,
    name,
    title,
    officeId: OWN_OFFICE_ID,
    divisionId,
    roles,
    clearance,
    ...(phone ? { phone } : {}),
  }));

const committeeLeaders: DemoStaff[] = [
  {
    id: 'staff-party-secretary',
    name: '张志远',
    title: '市委书记',
    officeId: OWN_OFFICE_ID,
    divisionId: null,
    roles: ['COMMITTEE_LEADER'],
    clearance: 'TOP_SECRET',
  },
  {
    id: 'staff-deputy-party-secretary',
    name: '刘文博',
    title: '市委副书记',
    officeId: OWN_OFFICE_ID,
    divisionId: null,
    roles: ['COMMITTEE_LEADER'],
    clearance: 'TOP_SECRET',
  },
  {
    id: 'staff-secretary-general',
    name: '陈思明',
    title: '市委常委、秘书长',
    officeId: OWN_OFFICE_ID,
    divisionId: null,
    roles: ['COMMITTEE_LEADER'],
    clearance: 'TOP_SECRET',
  },
];

const officeLeadership: DemoStaff[] = [
  {
    id: 'staff-director',
    name: '王建国',
    title: '市委副秘书长、办公厅主任',
    officeId: OWN_OFFICE_ID,
    divisionId: null,
    roles: ['OFFICE_LEADER'],
    clearance: 'TOP_SECRET',
    phone: '0451-84670001',
  },
  {
    id: 'staff-executive-deputy',
    name: '李振华',
    title: '办公厅常务副主任',
    officeId: OWN_OFFICE_ID,
    divisionId: null,
    roles: ['OFFICE_LEADER'],
    clearance: 'TOP_SECRET',
    phone: '0451-84670002',
  },
  {
    id: 'staff-deputy-director-1',
    name: '赵立新',
    title: '办公厅副主任',
    officeId: OWN_OFFICE_ID,
    divisionId: null,
    roles: ['OFFICE_LEADER'],
    clearance: 'SECRET',
    phone: '0451-84670003',
  },
  {
    id: 'staff-deputy-director-2',
    name: '孙丽娟',
    title: '办公厅副主任',
    officeId: OWN_OFFICE_ID,
    divisionId: null,
    roles: ['OFFICE_LEADER'],
    clearance: 'SECRET',
    phone: '0451-84670004',
  },
  {
    id: 'staff-deputy-director-3',
    name: '周海涛',
    title: '办公厅副主任',
    officeId: OWN_OFFICE_ID,
    divisionId: null,
    roles: ['OFFICE_LEADER'],
    clearance: 'SECRET',
    phone: '0451-84670005',
  },
];

const divisionStaff: DemoStaff[] = [
  ...roster('div-secretariat', [
    ['staff-secretariat-head', '马俊峰', '处长', ['DIVISION_HEAD'], 'SECRET', '0451-84670101'],
    ['staff-secretariat-deputy', '何晓燕', '副处长', ['STAFF'], 'SECRET', '0451-84670102'],
    ['staff-secretariat-1', '郭宏伟', '一级主任科员', ['STAFF'], 'CONFIDENTIAL'],
    ['staff-secretariat-2', '林佳怡', '科员', ['STAFF'], 'INTERNAL'],
    ['staff-secretariat-3', '罗子涵', '科员', ['STAFF'], 'CONFIDENTIAL'],
  ]),
  ...roster('div-general-1', [
    ['staff-general-1-head', '高振宇', '处长', ['DIVISION_HEAD'], 'SECRET', '0451-84670111'],
    ['staff-general-1-deputy', '梁雪梅', '副处长', ['STAFF'], 'CONFIDENTIAL'],
    ['staff-general-1-1', '宋志刚', '一级主任科员', ['STAFF'], 'CONFIDENTIAL'],
    ['staff-general-1-2', '郑雨桐', '科员', ['STAFF'], 'INTERNAL'],
  ]),
  ...roster('div-general-2', [
    ['staff-general-2-head', '韩卫东', '处长', ['DIVISION_HEAD'], 'SECRET', '0451-84670121'],
    ['staff-general-2-deputy', '唐冬梅', '副处长', ['STAFF'], 'CONFIDENTIAL'],
    ['staff-general-2-1', '冯明辉', '二级主任科员', ['STAFF'], 'INTERNAL'],
    ['staff-general-2-2', '彭晓琳', '科员', ['STAFF'], 'INTERNAL'],
  ]),
  ...roster('div-information', [
    ['staff-information-head', '于洪波', '处长', ['DIVISION_HEAD'], 'SECRET', '0451-84670131'],
    ['staff-information-deputy', '董佳琪', '副处长', ['STAFF'], 'CONFIDENTIAL'],
    // Runs the office's information systems, hence the administrator role.
    ['staff-information-admin', '程立伟', '一级主任科员', ['STAFF', 'ADMIN'], 'CONFIDENTIAL'],
    ['staff-information-1', '曹欣然', '科员', ['STAFF'], 'INTERNAL'],
  ]),
  ...roster('div-supervision', [
    ['staff-supervision-head', '袁建军', '主任', ['DIVISION_HEAD'], 'SECRET', '0451-84670141'],
    ['staff-supervision-deputy', '邓秀英', '副主任', ['STAFF', 'ASSESSOR'], 'CONFIDENTIAL'],
    ['staff-supervision-assessor', '许光明', '一级主任科员', ['STAFF', 'ASSESSOR'], 'CONFIDENTIAL'],
    ['staff-supervision-1', '傅晓雯', '科员', ['STAFF'], 'INTERNAL'],
  ]),
  ...roster('div-research', [
    ['staff-research-head', '沈志强', '主任', ['DIVISION_HEAD'], 'SECRET', '0451-84670151'],
    ['staff-research-deputy', '曾丽华', '副主任', ['STAFF'], 'CONFIDENTIAL'],
    ['staff-research-analyst', '彭宇航', '二级主任科员', ['STAFF', 'ANALYST'], 'CONFIDENTIAL'],
    ['staff-research-1', '吕思远', '科员', ['STAFF'], 'INTERNAL'],
  ]),
  ...roster('div-documents', [
    ['staff-documents-head', '苏国良', '处长', ['DIVISION_HEAD'], 'SECRET', '0451-84670161'],
    ['staff-documents-deputy', '卢春燕', '副处长', ['STAFF'], 'SECRET'],
    ['staff-documents-1', '蒋文斌', '一级主任科员', ['STAFF'], 'CONFIDENTIAL'],
    ['staff-documents-2', '蔡梦瑶', '科员', ['STAFF'], 'CONFIDENTIAL'],
  ]),
  ...roster('div-meetings', [
    ['staff-meetings-head', '贾永刚', '处长', ['DIVISION_HEAD'], 'SECRET', '0451-84670171'],
    ['staff-meetings-deputy', '丁慧敏', '副处长', ['STAFF'], 'CONFIDENTIAL'],
    ['staff-meetings-1', '魏振东', '二级主任科员', ['STAFF'], 'INTERNAL'],
    ['staff-meetings-2', '薛佳宁', '科员', ['STAFF'], 'INTERNAL'],
  ]),
  ...roster('div-confidential', [
    ['staff-confidential-head', '叶建平', '处长', ['DIVISION_HEAD'], 'TOP_SECRET', '0451-84670181'],
    ['staff-confidential-deputy', '阎淑芳', '副处长', ['STAFF'], 'SECRET'],
    // The office's 保密员: keeps the classification rules and audits access.
    [
      'staff-confidential-security',
      '余海峰',
      '一级主任科员（保密员）',
      ['STAFF', 'SECURITY_OFFICER'],
      'SECRET',
    ],
    ['staff-confidential-1', '潘玉洁', '科员', ['STAFF'], 'SECRET'],
  ]),
  ...roster('div-legal', [
    ['staff-legal-head', '杜明哲', '主任', ['DIVISION_HEAD'], 'SECRET', '0451-84670191'],
    ['staff-legal-deputy', '戴晓红', '副主任', ['STAFF'], 'CONFIDENTIAL'],
    ['staff-legal-1', '夏俊杰', '一级主任科员', ['STAFF'], 'INTERNAL'],
    ['staff-legal-2', '钟诗琪', '科员', ['STAFF'], 'PUBLIC'],
  ]),
];

/** Contacts in the offices above and below, who exchange matters with the own office. */
const liaisons: DemoStaff[] = [
  {
    id: 'staff-province-liaison',
    name: '黄志军',
    title: '省委办公厅督查室副主任',
    officeId: PROVINCIAL_OFFICE_ID,
    divisionId: null,
    roles: ['LIAISON'],
    clearance: 'SECRET',
  },
  {
    id: 'staff-daoli-liaison',
    name: '刘晓光',
    title: '道里区委办公室主任',
    officeId: 'office-daoli',
    divisionId: null,
    roles: ['LIAISON'],
    clearance: 'CONFIDENTIAL',
  },
];

export const demoStaff: readonly DemoStaff[] = [
  ...committeeLeaders,
  ...officeLeadership,
  ...divisionStaff,
  ...liaisons,
];
