import { describe, expect, it } from 'vitest';
import {
  documentNumberKey,
  registrationProblems,
  registrationRefusal,
  type DocumentRegistration,
} from './documents.rules.js';

const provincial: DocumentRegistration = {
  kind: 'PROVINCIAL',
  title: '关于进一步加强政务资源共享工作的通知',
  documentNumber: '黑办发〔2026〕12号',
  issuer: '中共黑龙江省委办公厅',
  issuedOn: '2026-02-27',
  classification: 'INTERNAL',
};
const secretariat = { divisionId: 'div-secretariat', clearance: 'SECRET' as const };
const now = new Date('2026-03-02T01:00:00.000Z');

describe('registrationProblems', () => {
  it('accepts a complete incoming document', () => {
    expect(registrationProblems(provincial, now)).toEqual([]);
  });

  it('requires 文号, issuer and a real date on incoming documents', () => {
    const problems = registrationProblems(
      { ...provincial, documentNumber: ' ', issuer: null, issuedOn: '2026-02-30' },
      now,
    );
    expect(problems).toEqual([
      '来文须填写文号',
      '来文须填写发文机关',
      '来文须填写成文日期（YYYY-MM-DD）',
    ]);
  });

  it('refuses an incoming document dated after today at the office (UTC+8)', () => {
    expect(registrationProblems({ ...provincial, issuedOn: '2099-01-01' }, now)).toEqual([
      '成文日期不能晚于今天',
    ]);
    // 01:00 UTC is 09:00 in Harbin: a document dated that day is not in the future.
    expect(registrationProblems({ ...provincial, issuedOn: '2026-03-02' }, now)).toEqual([]);
    expect(registrationProblems({ ...provincial, issuedOn: '2026-03-03' }, now)).toEqual([
      '成文日期不能晚于今天',
    ]);
  });

  it('refuses a date before the People’s Republic, such as year 0000', () => {
    expect(registrationProblems({ ...provincial, issuedOn: '0000-01-01' }, now)).toEqual([
      '成文日期不能早于 1949-10-01',
    ]);
  });

  it('refuses a title of invisible characters only', () => {
    expect(registrationProblems({ ...provincial, title: '\u200b\u3000 ' }, now)).toEqual([
      '文件标题不能为空',
    ]);
  });

  it('bounds the 文号 and the issuer', () => {
    expect(
      registrationProblems(
        { ...provincial, documentNumber: '号'.repeat(101), issuer: '机'.repeat(101) },
        now,
      ),
    ).toEqual(['来文文号不能超过 100 个字', '发文机关不能超过 100 个字']);
  });

  it('bounds the body', () => {
    expect(registrationProblems({ ...provincial, body: 'x'.repeat(200_000) }, now)).toEqual([]);
    expect(registrationProblems({ ...provincial, body: 'x'.repeat(200_001) }, now)).toEqual([
      '文件正文不能超过 200000 个字',
    ]);
  });

  it('does not ask internal documents for 文号', () => {
    const internal = {
      kind: 'DIVISION_PUBLICATION' as const,
      title: '调研动态',
      classification: 'PUBLIC' as const,
    };
    expect(registrationProblems(internal, now)).toEqual([]);
  });
});

describe('registrationRefusal', () => {
  it('lets division staff register within their clearance', () => {
    expect(registrationRefusal(provincial, secretariat)).toBeNull();
  });

  it('refuses registrars outside divisions and documents above the registrar’s clearance', () => {
    expect(registrationRefusal(provincial, { divisionId: null, clearance: 'SECRET' })).toBe(
      '只有处室工作人员可以登记文件',
    );
    expect(registrationRefusal({ classification: 'TOP_SECRET' }, secretariat)).toBe(
      '不能登记高于本人涉密等级的文件',
    );
  });
});

describe('documentNumberKey', () => {
  it('folds full-width forms and drops spaces, so one number has one key', () => {
    expect(documentNumberKey('哈办发 〔２０２６〕２００号')).toBe(
      documentNumberKey('哈办发〔2026〕200号'),
    );
    expect(documentNumberKey('哈办发〔2026〕200号')).not.toBe(
      documentNumberKey('哈办发〔2026〕20号'),
    );
  });
});
