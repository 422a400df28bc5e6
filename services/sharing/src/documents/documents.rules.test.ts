import { describe, expect, it } from 'vitest';
import { registrationProblems, type DocumentRegistration } from './documents.rules.js';

const provincial: DocumentRegistration = {
  kind: 'PROVINCIAL',
  title: '关于进一步加强政务资源共享工作的通知',
  documentNumber: '黑办发〔2026〕12号',
  issuer: '中共黑龙江省委办公厅',
  issuedOn: '2026-02-27',
  classification: 'INTERNAL',
};
const secretariat = { divisionId: 'div-secretariat', clearance: 'SECRET' as const };

describe('registrationProblems', () => {
  it('accepts a complete incoming document', () => {
    expect(registrationProblems(provincial, secretariat)).toEqual([]);
  });

  it('requires 文号, issuer and a real date on incoming documents', () => {
    const problems = registrationProblems(
      { ...provincial, documentNumber: ' ', issuer: null, issuedOn: '2026-02-30' },
      secretariat,
    );
    expect(problems).toEqual([
      '来文须填写文号',
      '来文须填写发文机关',
      '来文须填写成文日期（YYYY-MM-DD）',
    ]);
  });

  it('does not ask internal documents for 文号', () => {
    const internal = {
      kind: 'DIVISION_PUBLICATION' as const,
      title: '调研动态',
      classification: 'PUBLIC' as const,
    };
    expect(registrationProblems(internal, secretariat)).toEqual([]);
  });

  it('refuses a document above the registrar’s clearance and registrars outside divisions', () => {
    expect(
      registrationProblems(
        { ...provincial, classification: 'TOP_SECRET' },
        { divisionId: null, clearance: 'SECRET' },
      ),
    ).toEqual(['只有处室工作人员可以登记文件', '不能登记高于本人涉密等级的文件']);
  });
});
