import { describe, expect, it } from 'vitest';
import { notificationLink } from './notification-links';

describe('notificationLink', () => {
  it('opens a matter on the board, a document on its page, a circulation on the 工作台', () => {
    expect(notificationLink('MATTER', 'asg-1')).toBe('/board/matters/asg-1');
    expect(notificationLink('DOCUMENT', 'doc/1')).toBe('/documents/doc%2F1');
    expect(notificationLink('DIFFICULTY', 'dif-1')).toBe('/board');
    expect(notificationLink('CIRCULATION', 'cir-1')).toBe('/');
  });
});
