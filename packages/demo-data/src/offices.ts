import type { DemoOffice } from './types.js';

export const OWN_OFFICE_ID = 'office-harbin';
export const PROVINCIAL_OFFICE_ID = 'office-heilongjiang';

const lower = (id: string, name: string, shortName: string): DemoOffice => ({
  id,
  name,
  shortName,
  kind: 'LOWER',
  parentId: OWN_OFFICE_ID,
});

export const demoOffices: readonly DemoOffice[] = [
  {
    id: OWN_OFFICE_ID,
    name: '中共哈尔滨市委办公厅',
    shortName: '市委办公厅',
    kind: 'OWN',
    parentId: PROVINCIAL_OFFICE_ID,
  },
  {
    id: PROVINCIAL_OFFICE_ID,
    name: '中共黑龙江省委办公厅',
    shortName: '省委办公厅',
    kind: 'HIGHER',
    parentId: null,
  },

  lower('office-daoli', '中共哈尔滨市道里区委办公室', '道里区委办公室'),
  lower('office-nangang', '中共哈尔滨市南岗区委办公室', '南岗区委办公室'),
  lower('office-daowai', '中共哈尔滨市道外区委办公室', '道外区委办公室'),
  lower('office-xiangfang', '中共哈尔滨市香坊区委办公室', '香坊区委办公室'),
  lower('office-pingfang', '中共哈尔滨市平房区委办公室', '平房区委办公室'),
  lower('office-songbei', '中共哈尔滨市松北区委办公室', '松北区委办公室'),
  lower('office-hulan', '中共哈尔滨市呼兰区委办公室', '呼兰区委办公室'),
  lower('office-acheng', '中共哈尔滨市阿城区委办公室', '阿城区委办公室'),
  lower('office-shuangcheng', '中共哈尔滨市双城区委办公室', '双城区委办公室'),
  lower('office-binxian', '中共宾县县委办公室', '宾县县委办公室'),
  lower('office-yilan', '中共依兰县委办公室', '依兰县委办公室'),
  lower('office-wuchang', '中共五常市委办公室', '五常市委办公室'),

  // Offices of the departments led by standing committee members (常委所在部门办公室).
  {
    id: 'office-discipline',
    name: '中共哈尔滨市纪委监委办公厅',
    shortName: '市纪委监委办公厅',
    kind: 'PARTNER',
    parentId: null,
  },
  {
    id: 'office-organisation',
    name: '中共哈尔滨市委组织部办公室',
    shortName: '市委组织部办公室',
    kind: 'PARTNER',
    parentId: null,
  },
  {
    id: 'office-propaganda',
    name: '中共哈尔滨市委宣传部办公室',
    shortName: '市委宣传部办公室',
    kind: 'PARTNER',
    parentId: null,
  },
  {
    id: 'office-political-legal',
    name: '中共哈尔滨市委政法委员会办公室',
    shortName: '市委政法委办公室',
    kind: 'PARTNER',
    parentId: null,
  },
  {
    id: 'office-united-front',
    name: '中共哈尔滨市委统战部办公室',
    shortName: '市委统战部办公室',
    kind: 'PARTNER',
    parentId: null,
  },
  {
    id: 'office-municipal-government',
    name: '哈尔滨市人民政府办公厅',
    shortName: '市政府办公厅',
    kind: 'PARTNER',
    parentId: null,
  },

  // 人大, 政协 and the people's organisations (人民团体).
  {
    id: 'office-npc',
    name: '哈尔滨市人大常委会办公厅',
    shortName: '市人大常委会办公厅',
    kind: 'EXTERNAL',
    parentId: null,
  },
  {
    id: 'office-cppcc',
    name: '政协哈尔滨市委员会办公厅',
    shortName: '市政协办公厅',
    kind: 'EXTERNAL',
    parentId: null,
  },
  {
    id: 'office-trade-union',
    name: '哈尔滨市总工会',
    shortName: '市总工会',
    kind: 'EXTERNAL',
    parentId: null,
  },
  {
    id: 'office-youth-league',
    name: '共青团哈尔滨市委员会',
    shortName: '团市委',
    kind: 'EXTERNAL',
    parentId: null,
  },
  {
    id: 'office-womens-federation',
    name: '哈尔滨市妇女联合会',
    shortName: '市妇联',
    kind: 'EXTERNAL',
    parentId: null,
  },
];
