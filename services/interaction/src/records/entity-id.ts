import { randomUUID } from 'node:crypto';

/** Ids are strings with a readable prefix (`meeting-…`), like the demo organisation's ids. */
export function newEntityId(
  prefix: 'meeting' | 'item' | 'topic' | 'period' | 'template' | 'case' | 'step',
): string {
  return `${prefix}-${randomUUID()}`;
}
