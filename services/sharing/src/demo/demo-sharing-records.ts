import type { HeliClaims } from '@heli/auth';
import { claimsForStaff } from '@heli/demo-data';
import type { PublishCatalogEntryInput } from '../catalog/catalog.commands.js';

/** The demo documents, at several classifications, registered by the divisions that hold them. */
export const demoDocuments = [
  {
    id: 'doc-demo-provincial-sharing',
    registrar: 'staff-secretariat-1',
    registration: {
      kind: 'PROVINCIAL',
      title: '关于进一步加强政务资源共享工作的通知',
      documentNumber: '黑办发〔2026〕12号',
      issuer: '中共黑龙江省委办公厅',
      issuedOn: '2026-02-27',
      body: '各市（地）委办公室：为深入推进政务资源整合，打破信息壁垒，现就加强政务资源共享工作通知如下：一、建立资源共享目录……',
      classification: 'INTERNAL',
    },
  },
  {
    id: 'doc-demo-central-secrecy',
    registrar: 'staff-secretariat-head',
    registration: {
      kind: 'CENTRAL',
      title: '关于做好2026年度保密工作的意见',
      documentNumber: '中办发〔2026〕3号',
      issuer: '中共中央办公厅',
      issuedOn: '2026-01-15',
      body: '严格执行保密规定，落实涉密文件登记、传阅、清退制度……',
      classification: 'CONFIDENTIAL',
    },
  },
  {
    id: 'doc-demo-minutes',
    registrar: 'staff-confidential-head',
    registration: {
      kind: 'MUNICIPAL',
      title: '市委常委会会议纪要（2026年第5次）',
      documentNumber: '哈委纪〔2026〕5号',
      issuer: '中共哈尔滨市委',
      issuedOn: '2026-02-20',
      body: '会议研究了全市重点项目推进、冰雪经济发展等事项……',
      classification: 'SECRET',
    },
  },
  {
    id: 'doc-demo-research-bulletin',
    registrar: 'staff-research-head',
    registration: {
      kind: 'DIVISION_PUBLICATION',
      title: '调研动态（2026年第2期）：政务资源整合的基层实践',
      body: '道里区、南岗区在政务资源共享方面的做法与启示。',
      classification: 'PUBLIC',
    },
  },
] as const;

interface DemoEntry {
  id: string;
  publisher: string;
  hoursAgo: number;
  entry: PublishCatalogEntryInput;
}

/** Catalogue entries made from the divisions' work outputs. */
export const demoCatalogEntries: DemoEntry[] = [
  {
    id: 'entry-demo-research-sharing',
    publisher: 'staff-research-head',
    hoursAgo: 200,
    entry: {
      title: '关于推进政务资源共享的调研报告',
      summary:
        '调研室对全市十二个区县委办公室资源共享情况开展调研，提出建立共享目录、统一分送平台、完善保密审查等建议。',
      keywords: ['资源共享', '调研报告', '政务资源'],
      classification: 'INTERNAL',
      link: { kind: 'DOCUMENT', targetId: 'doc-demo-research-bulletin' },
    },
  },
  {
    id: 'entry-demo-secrecy-rules',
    publisher: 'staff-confidential-head',
    hoursAgo: 150,
    entry: {
      title: '机要文件管理与保密规定汇编',
      summary: '汇集涉密文件登记、分送、传阅、清退的保密规定和操作流程，供各处室对照执行。',
      keywords: ['保密规定', '机要', '涉密文件'],
      classification: 'CONFIDENTIAL',
    },
  },
  {
    id: 'entry-demo-secret-review',
    publisher: 'staff-confidential-head',
    hoursAgo: 120,
    entry: {
      title: '重要涉密会议保密审查工作总结',
      summary: '总结市委重要会议的保密审查做法，包括保密规定执行情况和发现的问题。',
      keywords: ['保密审查', '保密规定'],
      classification: 'SECRET',
    },
  },
  {
    id: 'entry-demo-supervision',
    publisher: 'staff-supervision-head',
    hoursAgo: 100,
    entry: {
      title: '督查督办工作经验总结',
      summary: '督查室建立台账管理、定期通报、跟踪问效的督办机制，推动市委决策部署落实落地。',
      keywords: ['督查', '督办', '落实'],
      classification: 'INTERNAL',
    },
  },
  {
    id: 'entry-demo-info-brief',
    publisher: 'staff-information-head',
    hoursAgo: 80,
    entry: {
      title: '信息工作简报：区县信息报送质量分析',
      summary: '分析各区县和市直部门信息报送、采用情况，提出提高信息质量和时效的措施。',
      keywords: ['信息报送', '信息采用'],
      classification: 'INTERNAL',
    },
  },
  {
    id: 'entry-demo-meetings',
    publisher: 'staff-meetings-head',
    hoursAgo: 60,
    entry: {
      title: '会务工作标准化流程',
      summary: '议政会、调研联席会议等会务工作的标准流程、时限和责任分工。',
      keywords: ['会务', '办会', '标准化'],
      classification: 'PUBLIC',
    },
  },
  {
    id: 'entry-demo-legal',
    publisher: 'staff-legal-head',
    hoursAgo: 40,
    entry: {
      title: '规范性文件合法性审查要点',
      summary:
        '法规室梳理规范性文件合法性审查的重点环节和常见问题，兼顾资源共享中的数据安全与保密规定。',
      keywords: ['合法性审查', '规范性文件'],
      classification: 'INTERNAL',
    },
  },
];

/** Information submitted to the secretariat: one pending, adopted and returned items. */
export const demoSubmissions: {
  submitter: HeliClaims;
  item: { title: string; content: string };
  hoursAgo: number;
  decision: 'SUBMITTED' | 'ADOPTED' | 'RETURNED';
}[] = [
  {
    submitter: claimsForStaff('staff-information-1'),
    item: {
      title: '我市政务服务“一网通办”事项突破2000项',
      content: '截至2月底，全市政务服务事项网上可办率达到96%，其中“一网通办”事项突破2000项。',
    },
    hoursAgo: 30,
    decision: 'ADOPTED',
  },
  {
    submitter: claimsForStaff('staff-daoli-liaison'),
    item: {
      title: '道里区建立区级政务资源共享目录',
      content: '道里区委办公室梳理全区各部门可共享资源312项，编制区级共享目录并实行动态更新。',
    },
    hoursAgo: 20,
    decision: 'ADOPTED',
  },
  {
    submitter: claimsForStaff('staff-general-2-2'),
    item: {
      title: '冰雪旅游接待人次同比增长情况',
      content: '春节期间全市接待游客同比增长约三成。',
    },
    hoursAgo: 12,
    decision: 'RETURNED',
  },
  {
    submitter: claimsForStaff('staff-research-1'),
    item: {
      title: '南岗区推行“街乡吹哨、部门报到”工作机制',
      content: '南岗区将基层治理难题清单化，由街道发起、部门限时响应，已解决问题87件。',
    },
    hoursAgo: 3,
    decision: 'SUBMITTED',
  },
];
