import { demoDivisions } from './divisions.js';
import type { DemoCoordinationBody } from './types.js';

export const demoCoordinationBody: DemoCoordinationBody = {
  id: 'coordination-body',
  name: '政务资源整合协调机构',
  leadId: 'staff-executive-deputy',
  memberIds: demoDivisions.map((division) => division.headId),
  responsibilities: [
    '在办公厅统一领导下，统筹整合人力、技术、信息、成果等政务资源，破解集中统筹难、工作协调难、服务介入难、督办落实难的问题。',
    '由常务副主任牵头，各处室主要负责同志为成员；各处室既是资源整合的设计者、组织者，也是实践者、推动者。',
    '定期听取各处室职责落实和交办事项进展汇报，协调解决跨处室的困难和问题，推动成果共用。',
  ].join('\n'),
};
