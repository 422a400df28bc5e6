import type { Classification } from '@heli/auth';
import type { CatalogLinkKind } from './catalog.model.js';

/** What a reader narrows a catalogue list or search to (the `CatalogFilter` input). */
export interface CatalogFilter {
  linkKind?: CatalogLinkKind | null;
  sourceDivisionId?: string | null;
  classification?: Classification | null;
  publishedFrom?: Date | null;
  publishedBefore?: Date | null;
}

/** Why the filter cannot be applied, or null: an empty date range is a mistake, not an empty page. */
export function catalogFilterProblem(filter: CatalogFilter | null | undefined): string | null {
  if (filter?.publishedFrom && filter.publishedBefore) {
    if (filter.publishedFrom.getTime() >= filter.publishedBefore.getTime())
      return '发布时间的起点须早于终点';
  }
  return null;
}

/**
 * The MongoDB conditions on `catalog_entries` the filter means, one per field given; always ANDed
 * with the reader's visibility filter, so a filter only ever narrows what they may see.
 */
export function catalogFilterConditions(
  filter: CatalogFilter | null | undefined,
): Record<string, unknown>[] {
  if (!filter) return [];
  const conditions: Record<string, unknown>[] = [];
  if (filter.linkKind) conditions.push({ 'link.kind': filter.linkKind });
  if (filter.sourceDivisionId) conditions.push({ sourceDivisionId: filter.sourceDivisionId });
  if (filter.classification) conditions.push({ classification: filter.classification });
  const published: Record<string, Date> = {};
  if (filter.publishedFrom) published['$gte'] = filter.publishedFrom;
  if (filter.publishedBefore) published['$lt'] = filter.publishedBefore;
  if (Object.keys(published).length > 0) conditions.push({ publishedAt: published });
  return conditions;
}
