import { canRead, compareClassification, type Classification } from '@heli/auth';
import {
  lengthProblem,
  MAX_KEYWORD_LENGTH,
  MAX_SUMMARY_LENGTH,
  MAX_TITLE_LENGTH,
} from '../schema/text-limits.js';
import type { CatalogLinkKind } from './catalog.model.js';

export interface CatalogDraft {
  title: string;
  summary: string;
  keywords: readonly string[];
  classification: Classification;
  link?: { kind: CatalogLinkKind; targetId: string } | null;
}

/**
 * Why the publisher may not publish this entry at all, or null: only divisions publish, and
 * nobody above their own clearance. A refusal, answered FORBIDDEN.
 */
export function publicationRefusal(
  draft: Pick<CatalogDraft, 'classification'>,
  publisher: { divisionId: string | null; clearance: Classification },
): string | null {
  if (publisher.divisionId === null) return '只有处室可以发布查阅条目';
  if (!canRead(publisher.clearance, draft.classification)) return '不能发布高于本人涉密等级的条目';
  return null;
}

/** Everything wrong with a new catalogue entry, for the person publishing it. */
export function catalogDraftProblems(
  draft: CatalogDraft,
  linkedDocument: { classification: Classification } | null,
): string[] {
  const problems: (string | null)[] = [];
  if (draft.title.trim().length === 0) problems.push('条目标题不能为空');
  problems.push(lengthProblem(draft.title, MAX_TITLE_LENGTH, '条目标题'));
  if (draft.summary.trim().length === 0) problems.push('条目摘要不能为空');
  problems.push(lengthProblem(draft.summary, MAX_SUMMARY_LENGTH, '条目摘要'));
  if (draft.keywords.length > 20) problems.push('关键词不能超过 20 个');
  if (draft.keywords.some((keyword) => keyword.length > MAX_KEYWORD_LENGTH)) {
    problems.push(`每个关键词不能超过 ${MAX_KEYWORD_LENGTH} 个字`);
  }
  problems.push(linkProblem(draft.link ?? null));
  // An entry describes its document: classifying it lower would leak the document's content.
  if (
    linkedDocument &&
    compareClassification(draft.classification, linkedDocument.classification) < 0
  ) {
    problems.push('条目密级不能低于所关联文件的密级');
  }
  return problems.filter((problem) => problem !== null);
}

/**
 * What is wrong with an entry's link, or null. An EXTERNAL link is opened by whoever finds the
 * entry, so it must be a web address: a `javascript:` or `file:` link would run or open
 * something on the reader's machine.
 */
export function linkProblem(
  link: { kind: CatalogLinkKind; targetId: string } | null,
): string | null {
  if (link === null) return null;
  const target = link.targetId.trim();
  if (target.length === 0) return '请填写链接目标';
  if (target.length > MAX_LINK_LENGTH) return `链接目标不能超过 ${MAX_LINK_LENGTH} 个字`;
  if (link.kind === 'EXTERNAL' && !isWebAddress(target)) {
    return '外部链接须为 http:// 或 https:// 开头的网址';
  }
  return null;
}

const MAX_LINK_LENGTH = 2_000;

function isWebAddress(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
}

/**
 * Why the reader may not cite this entry, or null. Citing is reuse by another division; a
 * division citing its own entry is not reuse. A refusal, answered FORBIDDEN.
 */
export function citationRefusal(
  sourceDivisionId: string,
  citingDivisionId: string | null,
): string | null {
  if (citingDivisionId === null) return '只有处室可以引用查阅条目';
  if (citingDivisionId === sourceDivisionId) return '不能引用本处室发布的条目';
  return null;
}
