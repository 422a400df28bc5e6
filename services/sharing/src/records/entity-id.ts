import { randomUUID } from 'node:crypto';

/** Ids are strings with a readable prefix (`document-…`), like the demo organisation's ids. */
export function newEntityId(
  prefix:
    | 'document'
    | 'distribution'
    | 'reading'
    | 'circulation'
    | 'instruction'
    | 'entry'
    | 'citation'
    | 'opening'
    | 'submission'
    | 'digest'
    | 'schedule'
    | 'featured'
    | 'view',
): string {
  return `${prefix}-${randomUUID()}`;
}
