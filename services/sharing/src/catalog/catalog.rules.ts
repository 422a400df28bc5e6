import { canRead, compareClassification, type Classification } from '@heli/auth';

export interface CatalogDraft {
  title: string;
  summary: string;
  keywords: readonly string[];
  classification: Classification;
}

/** Everything wrong with a new catalogue entry, for the person publishing it. */
export function catalogDraftProblems(
  draft: CatalogDraft,
  publisher: { divisionId: string | null; clearance: Classification },
  linkedDocument: { classification: Classification } | null,
): string[] {
  const problems: string[] = [];
  if (publisher.divisionId === null) problems.push('只有处室可以发布查阅条目');
  if (draft.title.trim().length === 0) problems.push('条目标题不能为空');
  if (draft.summary.trim().length === 0) problems.push('条目摘要不能为空');
  if (draft.keywords.length > 20) problems.push('关键词不能超过 20 个');
  if (!canRead(publisher.clearance, draft.classification)) {
    problems.push('不能发布高于本人涉密等级的条目');
  }
  // An entry describes its document: classifying it lower would leak the document's content.
  if (
    linkedDocument &&
    compareClassification(draft.classification, linkedDocument.classification) < 0
  ) {
    problems.push('条目密级不能低于所关联文件的密级');
  }
  return problems;
}

/** Citing is reuse by another division; a division citing its own entry is not reuse. */
export function citationProblem(
  sourceDivisionId: string,
  citingDivisionId: string | null,
): string | null {
  if (citingDivisionId === null) return '只有处室可以引用查阅条目';
  if (citingDivisionId === sourceDivisionId) return '不能引用本处室发布的条目';
  return null;
}
