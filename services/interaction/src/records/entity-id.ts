import { randomUUID } from 'node:crypto';

/** Ids are strings with a readable prefix (`meeting-…`), like the demo organisation's ids. */
export function newEntityId(
  prefix:
    | 'meeting'
    | 'item'
    | 'topic'
    | 'period'
    | 'template'
    | 'case'
    | 'step'
    | 'keywork'
    | 'partner-task',
): string {
  return `${prefix}-${randomUUID()}`;
}
