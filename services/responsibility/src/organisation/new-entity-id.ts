import { randomUUID } from 'node:crypto';

/**
 * Ids are strings with a readable prefix (`division-…`), the same shape as the demo
 * organisation's stable ids (`div-secretariat`), so other subgraphs can treat every id alike.
 */
export function newEntityId(prefix: 'office' | 'division' | 'staff'): string {
  return `${prefix}-${randomUUID()}`;
}
