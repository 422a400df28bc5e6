import { OWN_OFFICE_ID } from './offices.js';
import type { DemoDivision } from './types.js';

const division = (id: string, name: string, headId: string): DemoDivision => ({
  id,
  name,
  kind: 'DIVISION',
  officeId: OWN_OFFICE_ID,
  headId,
});

/** The divisions (政务处) of the own office, in the order the office lists them. */
export const demoDivisions: readonly DemoDivision[] = [
  {
    id: 'div-secretariat',
    name: '秘书处',
    kind: 'SECRETARIAT',
    officeId: OWN_OFFICE_ID,
    headId: 'staff-secretariat-head',
  },
  division('div-general-1', '综合一处', 'staff-general-1-head'),
  division('div-general-2', '综合二处', 'staff-general-2-head'),
  division('div-information', '信息处', 'staff-information-head'),
  division('div-supervision', '督查室', 'staff-supervision-head'),
  division('div-research', '调研室', 'staff-research-head'),
  division('div-documents', '文电处', 'staff-documents-head'),
  division('div-meetings', '会务处', 'staff-meetings-head'),
  division('div-confidential', '机要处', 'staff-confidential-head'),
  division('div-legal', '法规室', 'staff-legal-head'),
];
