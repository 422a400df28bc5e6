import { describe, expect, it } from 'vitest';
import {
  notificationId,
  notificationMessage,
  recipientsOf,
  visibleTitle,
} from './notifications.rules.js';

describe('notificationId', () => {
  it('is the same for the same event and person, and differs for another person or event', () => {
    expect(notificationId('event-1', 'staff-a')).toBe(notificationId('event-1', 'staff-a'));
    expect(notificationId('event-1', 'staff-a')).not.toBe(notificationId('event-1', 'staff-b'));
    expect(notificationId('event-1', 'staff-a')).not.toBe(notificationId('event-2', 'staff-a'));
    // The separator keeps "ab"+"c" and "a"+"bc" apart.
    expect(notificationId('ab', 'c')).not.toBe(notificationId('a', 'bc'));
  });
});

describe('recipientsOf', () => {
  it('names each person once, skips the unnamed and never the one who acted', () => {
    expect(recipientsOf(['a', null, 'b', 'a', undefined, 'c'], 'c')).toEqual(['a', 'b']);
  });
});

describe('visibleTitle', () => {
  it('shows the title only to a clearance at or above its classification', () => {
    const secret = { title: '秘密事项', classification: 'SECRET' as const };
    expect(visibleTitle(secret, 'SECRET')).toBe('秘密事项');
    expect(visibleTitle(secret, 'TOP_SECRET')).toBe('秘密事项');
    expect(visibleTitle(secret, 'CONFIDENTIAL')).toBeNull();
  });
});

describe('notificationMessage', () => {
  it('names the thing by its title, or by its kind alone when the title is withheld', () => {
    expect(notificationMessage('READING_REQUESTED', '年终通知', null)).toBe('请阅知文件“年终通知”');
    expect(notificationMessage('READING_REQUESTED', null, null)).toBe(
      '请阅知文件一项文件（标题不予显示）',
    );
    expect(notificationMessage('MATTER_ESCALATED', '督查计划', 'ORANGE')).toBe(
      '事项“督查计划”已升级为橙色督办，请立即办理',
    );
  });
});
