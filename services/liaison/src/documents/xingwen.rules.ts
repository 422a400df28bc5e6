/**
 * The rules of 行文 (《党政机关公文处理工作条例》, chapter 4) as pure functions: which kind of
 * document may go in which direction, to how many main recipients, and what a reply must answer.
 * Every refusal names the rule it applies, so the secretariat can see why and fix the document.
 */

export const DOCUMENT_KINDS = [
  'REQUEST',
  'REPORT',
  'NOTICE',
  'CIRCULAR',
  'OPINION',
  'REPLY',
  'DECISION',
  'LETTER',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const LINK_RELATIONS = ['HIGHER', 'LOWER', 'PARTNER'] as const;
/** Where the other office stands relative to this one. */
export type LinkRelation = (typeof LINK_RELATIONS)[number];

export type Direction = 'UPWARD' | 'DOWNWARD' | 'HORIZONTAL';

export const KIND_NAMES: Record<DocumentKind, string> = {
  REQUEST: '请示',
  REPORT: '报告',
  NOTICE: '通知',
  CIRCULAR: '通报',
  OPINION: '意见',
  REPLY: '批复',
  DECISION: '决定',
  LETTER: '函',
};

const DIRECTION_NAMES: Record<Direction, string> = {
  UPWARD: '上级机关',
  DOWNWARD: '下级机关',
  HORIZONTAL: '不相隶属机关',
};

export function directionTo(relation: LinkRelation): Direction {
  if (relation === 'HIGHER') return 'UPWARD';
  if (relation === 'LOWER') return 'DOWNWARD';
  return 'HORIZONTAL';
}

/**
 * The directions each kind may travel, from the kinds' definitions in 第八条: 请示 and 报告 go to
 * a higher office; 通知, 通报, 批复 and 决定 to lower offices; 函 between offices not in a line of
 * authority. 意见 ("对重要问题提出见解和处理办法") may go up, down or across.
 */
export const ALLOWED_DIRECTIONS: Record<DocumentKind, readonly Direction[]> = {
  REQUEST: ['UPWARD'],
  REPORT: ['UPWARD'],
  NOTICE: ['DOWNWARD'],
  CIRCULAR: ['DOWNWARD'],
  OPINION: ['UPWARD', 'DOWNWARD', 'HORIZONTAL'],
  REPLY: ['DOWNWARD'],
  DECISION: ['DOWNWARD'],
  LETTER: ['HORIZONTAL'],
};

/** A rule of 行文 a document breaks: a stable code for clients and a message naming the rule. */
export interface XingwenViolation {
  rule:
    | 'KIND_DIRECTION'
    | 'MIXED_DIRECTIONS'
    | 'NO_MAIN_RECIPIENT'
    | 'ONE_MAIN_RECIPIENT_UPWARD'
    | 'NO_COPY_TO_LOWER_UPWARD'
    | 'SIGNER_FOR_UPWARD'
    | 'REPLY_ANSWERS_REQUEST'
    | 'REPLY_TO_REQUESTER'
    | 'RECIPIENT_TWICE';
  message: string;
}

export interface RecipientOffice {
  officeId: string;
  name: string;
  relation: LinkRelation;
}

/** The document a new one answers, as this office received it. */
export interface AnsweredDocument {
  kind: DocumentKind;
  fromOfficeId: string;
  title: string;
}

export interface XingwenInput {
  kind: DocumentKind;
  main: readonly RecipientOffice[];
  cc: readonly RecipientOffice[];
  signer: string | null;
  inReplyTo: AnsweredDocument | null;
}

/** The direction of a document: that of its main recipients (the rules refuse a mixture). */
export function documentDirection(main: readonly RecipientOffice[]): Direction | null {
  const first = main[0];
  return first === undefined ? null : directionTo(first.relation);
}

/** Every rule of 行文 the document breaks; an empty list means it may be sent. */
export function xingwenViolations(input: XingwenInput): XingwenViolation[] {
  const { kind, main, cc, signer, inReplyTo } = input;
  const kindName = KIND_NAMES[kind];
  const violations: XingwenViolation[] = [];

  if (main.length === 0) {
    violations.push({ rule: 'NO_MAIN_RECIPIENT', message: '公文应当有主送机关' });
    return violations;
  }

  const allowed = ALLOWED_DIRECTIONS[kind];
  for (const office of main) {
    const direction = directionTo(office.relation);
    if (!allowed.includes(direction)) {
      violations.push({
        rule: 'KIND_DIRECTION',
        message:
          `行文方向不符合规定：“${kindName}”只能发往${allowed.map((d) => DIRECTION_NAMES[d]).join('或')}，` +
          `${office.name}是${DIRECTION_NAMES[direction]}（《党政机关公文处理工作条例》第八条、第十四条）`,
      });
    }
  }
  const directions = new Set(main.map((office) => directionTo(office.relation)));
  if (directions.size > 1) {
    violations.push({
      rule: 'MIXED_DIRECTIONS',
      message: '同一份公文的主送机关应当属于同一行文方向（上行、下行或平行），请分别行文',
    });
  }

  const seen = new Set<string>();
  for (const office of [...main, ...cc]) {
    if (seen.has(office.officeId)) {
      violations.push({
        rule: 'RECIPIENT_TWICE',
        message: `${office.name}在主送、抄送机关中重复出现`,
      });
    }
    seen.add(office.officeId);
  }

  if (documentDirection(main) === 'UPWARD' && directions.size === 1) {
    if (main.length > 1) {
      violations.push({
        rule: 'ONE_MAIN_RECIPIENT_UPWARD',
        message:
          '向上级机关行文，原则上主送一个上级机关，其他上级机关可以抄送（《党政机关公文处理工作条例》第十五条）',
      });
    }
    const lower = cc.filter((office) => office.relation === 'LOWER');
    if (lower.length > 0) {
      violations.push({
        rule: 'NO_COPY_TO_LOWER_UPWARD',
        message: `向上级机关行文，不抄送下级机关（《党政机关公文处理工作条例》第十五条）：${lower.map((o) => o.name).join('、')}`,
      });
    }
    if (signer === null || signer.trim() === '') {
      violations.push({
        rule: 'SIGNER_FOR_UPWARD',
        message: '上行文应当标注签发人（GB/T 9704-2012）',
      });
    }
  }

  if (kind === 'REPLY') {
    if (inReplyTo === null || inReplyTo.kind !== 'REQUEST') {
      violations.push({
        rule: 'REPLY_ANSWERS_REQUEST',
        message:
          '批复只用于答复下级机关的请示事项，应当注明所答复的请示（《党政机关公文处理工作条例》第八条）',
      });
    } else if (main.length !== 1 || main[0]?.officeId !== inReplyTo.fromOfficeId) {
      violations.push({
        rule: 'REPLY_TO_REQUESTER',
        message: `批复应当主送提出请示的机关（所答复的请示：${inReplyTo.title}）`,
      });
    }
  }

  return violations;
}
