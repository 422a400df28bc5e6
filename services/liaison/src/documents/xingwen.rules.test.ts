import { describe, expect, it } from 'vitest';
import { xingwenViolations, type RecipientOffice, type XingwenInput } from './xingwen.rules.js';

const city: RecipientOffice = { officeId: 'office-harbin', name: '市委办公厅', relation: 'HIGHER' };
const province: RecipientOffice = {
  officeId: 'office-heilongjiang',
  name: '省委办公厅',
  relation: 'HIGHER',
};
const daoli: RecipientOffice = {
  officeId: 'office-daoli',
  name: '道里区委办公室',
  relation: 'LOWER',
};
const nangang: RecipientOffice = {
  officeId: 'office-nangang',
  name: '南岗区委办公室',
  relation: 'LOWER',
};
const partner: RecipientOffice = {
  officeId: 'office-propaganda',
  name: '市委宣传部办公室',
  relation: 'PARTNER',
};

const input = (over: Partial<XingwenInput>): XingwenInput => ({
  kind: 'NOTICE',
  main: [daoli],
  cc: [],
  signer: null,
  inReplyTo: null,
  ...over,
});
const rules = (over: Partial<XingwenInput>) => xingwenViolations(input(over)).map((v) => v.rule);

describe('the direction a kind may travel', () => {
  it('lets a 通知 go down to several lower offices', () => {
    expect(rules({ kind: 'NOTICE', main: [daoli, nangang] })).toEqual([]);
  });

  it('refuses a 请示 sent to a lower office, naming the rule', () => {
    const [violation, ...rest] = xingwenViolations(input({ kind: 'REQUEST', main: [daoli] }));
    expect(rest).toEqual([]);
    expect(violation?.rule).toBe('KIND_DIRECTION');
    expect(violation?.message).toContain('“请示”只能发往上级机关');
    expect(violation?.message).toContain('《党政机关公文处理工作条例》');
  });

  it('refuses a 通知 sent up and a 函 sent down', () => {
    expect(rules({ kind: 'NOTICE', main: [city] })).toContain('KIND_DIRECTION');
    expect(rules({ kind: 'LETTER', main: [daoli] })).toEqual(['KIND_DIRECTION']);
  });

  it('lets a 函 go to a partner office and an 意见 go any way', () => {
    expect(rules({ kind: 'LETTER', main: [partner] })).toEqual([]);
    expect(rules({ kind: 'OPINION', main: [partner] })).toEqual([]);
    expect(rules({ kind: 'OPINION', main: [daoli] })).toEqual([]);
    expect(rules({ kind: 'OPINION', main: [city], signer: '王明' })).toEqual([]);
  });

  it('refuses main recipients in two directions at once', () => {
    expect(rules({ kind: 'OPINION', main: [daoli, partner] })).toEqual(['MIXED_DIRECTIONS']);
  });

  it('refuses a document without a main recipient', () => {
    expect(rules({ main: [] })).toEqual(['NO_MAIN_RECIPIENT']);
  });

  it('refuses an office named twice', () => {
    expect(rules({ main: [daoli], cc: [daoli] })).toEqual(['RECIPIENT_TWICE']);
  });
});

describe('writing up (第十五条)', () => {
  it('accepts a 请示 to one higher office, signed, copied to another higher office', () => {
    expect(rules({ kind: 'REQUEST', main: [city], cc: [province], signer: '李强' })).toEqual([]);
  });

  it('wants one main recipient, no copy to lower offices and a 签发人', () => {
    expect(rules({ kind: 'REPORT', main: [city, province], cc: [daoli], signer: ' ' })).toEqual([
      'ONE_MAIN_RECIPIENT_UPWARD',
      'NO_COPY_TO_LOWER_UPWARD',
      'SIGNER_FOR_UPWARD',
    ]);
  });
});

describe('a 批复', () => {
  const request = { kind: 'REQUEST' as const, fromOfficeId: 'office-daoli', title: '关于…的请示' };

  it('answers a 请示 from the office it is sent to', () => {
    expect(rules({ kind: 'REPLY', main: [daoli], inReplyTo: request })).toEqual([]);
  });

  it('is refused without a 请示 to answer, or answering a 报告', () => {
    expect(rules({ kind: 'REPLY', main: [daoli] })).toEqual(['REPLY_ANSWERS_REQUEST']);
    expect(
      rules({ kind: 'REPLY', main: [daoli], inReplyTo: { ...request, kind: 'REPORT' } }),
    ).toEqual(['REPLY_ANSWERS_REQUEST']);
  });

  it('is refused when sent to an office other than the one that asked', () => {
    expect(rules({ kind: 'REPLY', main: [nangang], inReplyTo: request })).toEqual([
      'REPLY_TO_REQUESTER',
    ]);
  });
});
