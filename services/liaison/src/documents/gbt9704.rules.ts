import { compareClassification, type Classification } from '@heli/auth';
import { textProblem } from '@heli/subgraph-runtime';

/**
 * The elements of a 公文 that matter for exchange between offices (GB/T 9704-2012 《党政机关公文格式》),
 * checked as pure functions. Each returns the problems found, in Chinese, for `rejectProblems`.
 */

export const URGENCIES = ['NORMAL', 'URGENT', 'EXTRA_URGENT'] as const;
/** 紧急程度: none, 加急, 特急. */
export type Urgency = (typeof URGENCIES)[number];

export const TITLE_MAX = 200;
export const BODY_MAX = 50_000;
export const SIGNER_MAX = 20;
export const ATTACHMENT_NAME_MAX = 100;
export const ATTACHMENTS_MAX = 20;
export const ISSUER_CODE_MAX = 20;

/** 秘密, 机密 and 绝密: the classifications that make a document 涉密. */
export function isSecret(classification: Classification): boolean {
  return compareClassification(classification, 'CONFIDENTIAL') >= 0;
}

/** The longest 保密期限 the law allows per 密级 (保密法: 绝密 30 年, 机密 20 年, 秘密 10 年). */
const MAX_SECRECY_YEARS: Partial<Record<Classification, number>> = {
  CONFIDENTIAL: 10,
  SECRET: 20,
  TOP_SECRET: 30,
};

/** The date of `instant` on the China calendar, `YYYY-MM-DD`. */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

// 发文机关代字〔年份〕序号号: the year in 六角括号, the number without leading zeros (不编虚位).
const DOCUMENT_NUMBER = /^(.+?)〔(\d{4})〕([1-9]\d{0,5})号$/u;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface DocumentNumber {
  issuerCode: string;
  year: number;
  serial: number;
}

/** 发文字号 such as 哈委办发〔2026〕12号, or null when it is not of that form. */
export function parseDocumentNumber(text: string): DocumentNumber | null {
  const match = DOCUMENT_NUMBER.exec(text);
  if (!match) return null;
  const [, issuerCode = '', year = '', serial = ''] = match;
  if (issuerCode.trim() !== issuerCode || [...issuerCode].length > ISSUER_CODE_MAX) return null;
  return { issuerCode, year: Number(year), serial: Number(serial) };
}

/** Whether `text` is a real calendar date written `YYYY-MM-DD`. */
export function isCalendarDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

export interface DocumentElements {
  /** 份号: six digits; required for 涉密 documents. */
  copyNumber: string | null;
  classification: Classification;
  /** 保密期限 in years; only for 涉密 documents. */
  secrecyPeriodYears: number | null;
  urgency: Urgency;
  documentNumber: string;
  signer: string | null;
  title: string;
  body: string;
  /** 成文日期, `YYYY-MM-DD`. */
  writtenOn: string;
  /** 附件说明: the attachments' names, in order. */
  attachments: readonly string[];
}

/** Every problem with the document's elements; `today` is the China date of sending. */
export function elementProblems(doc: DocumentElements, today: string): string[] {
  const problems: (string | null)[] = [
    textProblem('标题', doc.title, TITLE_MAX),
    textProblem('正文', doc.body, BODY_MAX),
    doc.signer === null ? null : textProblem('签发人', doc.signer, SIGNER_MAX),
  ];

  if (isSecret(doc.classification)) {
    if (doc.copyNumber === null) problems.push('涉密公文应当标注份号');
  }
  if (doc.copyNumber !== null && !/^\d{6}$/.test(doc.copyNumber)) {
    problems.push('份号应为 6 位阿拉伯数字，如 000001');
  }
  if (doc.secrecyPeriodYears !== null) {
    const max = MAX_SECRECY_YEARS[doc.classification];
    if (max === undefined) problems.push('只有涉密公文（秘密、机密、绝密）标注保密期限');
    else if (
      !Number.isInteger(doc.secrecyPeriodYears) ||
      doc.secrecyPeriodYears < 1 ||
      doc.secrecyPeriodYears > max
    ) {
      problems.push(`保密期限应为 1 至 ${max} 年`);
    }
  }

  const writtenOnValid = isCalendarDate(doc.writtenOn);
  if (!writtenOnValid) problems.push('成文日期应为有效日期，格式 YYYY-MM-DD');
  else if (doc.writtenOn > today) problems.push('成文日期不能晚于今天');

  const number = parseDocumentNumber(doc.documentNumber);
  if (number === null) {
    problems.push('发文字号应由发文机关代字、年份和发文顺序号组成，如 哈委办发〔2026〕12号');
  } else {
    const thisYear = Number(today.slice(0, 4));
    if (number.year > thisYear) problems.push(`发文字号的年份 ${number.year} 不能晚于今年`);
    else if (writtenOnValid && number.year !== Number(doc.writtenOn.slice(0, 4))) {
      problems.push('发文字号的年份应与成文日期的年份一致');
    }
  }

  if (doc.attachments.length > ATTACHMENTS_MAX) {
    problems.push(`附件不能超过 ${ATTACHMENTS_MAX} 件`);
  }
  doc.attachments.forEach((name, index) =>
    problems.push(textProblem(`附件 ${index + 1} 的名称`, name, ATTACHMENT_NAME_MAX)),
  );
  return problems.filter((problem) => problem !== null);
}
