import { createHash } from 'node:crypto';
import { canRead, type Classification } from '@heli/auth';
import type { NotificationKind } from './notification.model.js';

/** The same event for the same person always yields the same id: a repeat finds the first. */
export function notificationId(eventId: string, recipientStaffId: string): string {
  const digest = createHash('sha256').update(`${eventId}\u0000${recipientStaffId}`).digest('hex');
  return `ntf-${digest.slice(0, 24)}`;
}

/** Everyone named, each once, without the person who caused the event (nobody is told what they did). */
export function recipientsOf(
  people: readonly (string | null | undefined)[],
  actorStaffId: string | null = null,
): string[] {
  const seen = new Set<string>();
  for (const person of people) {
    if (person && person !== actorStaffId) seen.add(person);
  }
  return [...seen];
}

/** The title as this reader may see it: only when their clearance covers its classification. */
export function visibleTitle(
  notification: { title: string | null; classification: Classification },
  readerClearance: Classification,
): string | null {
  return canRead(readerClearance, notification.classification) ? notification.title : null;
}

const ESCALATION_NAMES: Record<string, string> = { BLUE: '蓝色', ORANGE: '橙色', RED: '红色' };

/**
 * The sentence the console shows. A title the reader may not see (or one never learnt) is
 * replaced by a phrase that names the kind of thing only.
 */
export function notificationMessage(
  kind: NotificationKind,
  title: string | null,
  detail: string | null,
): string {
  const named = (what: string) => (title === null ? `一项${what}（标题不予显示）` : `“${title}”`);
  switch (kind) {
    case 'MATTER_ASSIGNED':
      return `新交办事项：${named('交办事项')}，请及时签收办理`;
    case 'MATTER_ESCALATED':
      return `事项${named('交办事项')}已升级为${ESCALATION_NAMES[detail ?? ''] ?? ''}督办，请立即办理`;
    case 'READING_REQUESTED':
      return `请阅知文件${named('文件')}`;
    case 'CIRCULATION_REACHED':
      return `文件${named('文件')}已传阅至您，请阅处`;
    case 'REPORT_DUE':
      return `事项${named('交办事项')}的进展汇报明日到期，请及时汇报`;
    case 'DIFFICULTY_RESOLVED':
      return `您反映的困难${named('困难')}已协调解决`;
  }
}
