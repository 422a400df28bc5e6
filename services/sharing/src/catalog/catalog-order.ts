/** The order catalogue lists are in: newest first (ties by `_id`). */
export const CATALOG_ORDER = { field: 'publishedAt', direction: 'DESC' } as const;
