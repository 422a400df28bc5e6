import { describe, expect, it } from 'vitest';
import {
  chinaDate,
  elementProblems,
  isCalendarDate,
  parseDocumentNumber,
  type DocumentElements,
} from './gbt9704.rules.js';

const today = '2026-12-06';
const doc = (over: Partial<DocumentElements> = {}): DocumentElements => ({
  copyNumber: null,
  classification: 'INTERNAL',
  secrecyPeriodYears: null,
  urgency: 'NORMAL',
  documentNumber: '哈委办发〔2026〕12号',
  signer: null,
  title: '关于做好年底督查工作的通知',
  body: '各区县委办公室：……',
  writtenOn: '2026-12-05',
  attachments: [],
  ...over,
});

describe('发文字号', () => {
  it('reads the issuer code, the year and the serial', () => {
    expect(parseDocumentNumber('哈委办发〔2026〕12号')).toEqual({
      issuerCode: '哈委办发',
      year: 2026,
      serial: 12,
    });
  });

  it('refuses square brackets, leading zeros and a missing 号', () => {
    expect(parseDocumentNumber('哈委办发[2026]12号')).toBeNull();
    expect(parseDocumentNumber('哈委办发〔2026〕012号')).toBeNull();
    expect(parseDocumentNumber('哈委办发〔2026〕12')).toBeNull();
    expect(parseDocumentNumber('〔2026〕12号')).toBeNull();
  });

  it('refuses a year in the future and one that differs from 成文日期', () => {
    expect(elementProblems(doc({ documentNumber: '哈委办发〔2027〕1号' }), today)).toEqual([
      '发文字号的年份 2027 不能晚于今年',
    ]);
    expect(elementProblems(doc({ documentNumber: '哈委办发〔2025〕1号' }), today)).toEqual([
      '发文字号的年份应与成文日期的年份一致',
    ]);
  });
});

describe('the elements of a document', () => {
  it('accepts a complete internal notice', () => {
    expect(elementProblems(doc(), today)).toEqual([]);
  });

  it('wants a six-digit 份号 on a 涉密 document and a 保密期限 within the law', () => {
    expect(elementProblems(doc({ classification: 'SECRET' }), today)).toEqual([
      '涉密公文应当标注份号',
    ]);
    expect(
      elementProblems(
        doc({ classification: 'CONFIDENTIAL', copyNumber: '12', secrecyPeriodYears: 11 }),
        today,
      ),
    ).toEqual(['份号应为 6 位阿拉伯数字，如 000001', '保密期限应为 1 至 10 年']);
    expect(
      elementProblems(
        doc({ classification: 'SECRET', copyNumber: '000003', secrecyPeriodYears: 20 }),
        today,
      ),
    ).toEqual([]);
  });

  it('refuses a 保密期限 on a document that is not 涉密', () => {
    expect(elementProblems(doc({ secrecyPeriodYears: 1 }), today)).toEqual([
      '只有涉密公文（秘密、机密、绝密）标注保密期限',
    ]);
  });

  it('refuses a 成文日期 after today or not a date, and a blank title', () => {
    expect(elementProblems(doc({ writtenOn: '2026-12-07' }), today)).toEqual([
      '成文日期不能晚于今天',
    ]);
    expect(elementProblems(doc({ writtenOn: '2026-02-30', title: ' ' }), today)).toEqual([
      '标题不能为空',
      '成文日期应为有效日期，格式 YYYY-MM-DD',
    ]);
  });

  it('names each attachment that cannot be kept', () => {
    expect(elementProblems(doc({ attachments: ['1. 工作台账', ''] }), today)).toEqual([
      '附件 2 的名称不能为空',
    ]);
  });
});

describe('dates', () => {
  it('takes the China date of an instant', () => {
    expect(chinaDate(new Date('2026-12-05T16:30:00Z'))).toBe('2026-12-06');
  });

  it('knows calendar dates', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
  });
});
