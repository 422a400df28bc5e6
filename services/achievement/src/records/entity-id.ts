import { randomUUID } from 'node:crypto';

/** Ids are strings with a readable prefix (`achievement-…`), like the demo organisation's ids. */
export function newEntityId(
  prefix: 'achievement' | 'use' | 'topic' | 'post' | 'moderation',
): string {
  return `${prefix}-${randomUUID()}`;
}
