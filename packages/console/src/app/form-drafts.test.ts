import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { claimDrafts, clearDraft, draftKey, loadDraft, saveDraft } from './form-drafts';
import { MemoryStorage } from '../../test/memory-storage';

describe('form drafts', () => {
  it('given a half-filled form with a date, when saved and loaded, then the text, the number and the date come back', () => {
    const storage = new MemoryStorage();
    const key = draftKey('/board/matters/m-1', 'progress');
    const dueAt = dayjs('2026-12-08T10:00:00.000Z');
    saveDraft(storage, key, { text: '已完成初稿，正在征求意见', percent: 40, dueAt });
    const draft = loadDraft(storage, key)!;
    expect(draft['text']).toBe('已完成初稿，正在征求意见');
    expect(draft['percent']).toBe(40);
    expect(dayjs.isDayjs(draft['dueAt'])).toBe(true);
    expect((draft['dueAt'] as dayjs.Dayjs).toISOString()).toBe(dueAt.toISOString());
  });

  it('given drafts on two pages, then each page gets its own, and a sent form forgets only its own', () => {
    const storage = new MemoryStorage();
    const one = draftKey('/board/matters/m-1', 'progress');
    const two = draftKey('/board/matters/m-2', 'progress');
    saveDraft(storage, one, { text: '一' });
    saveDraft(storage, two, { text: '二' });
    clearDraft(storage, one);
    expect(loadDraft(storage, one)).toBeUndefined();
    expect(loadDraft(storage, two)).toEqual({ text: '二' });
  });

  it('given a draft, when the same person signs in again it stays, and when someone else does it is gone', () => {
    const storage = new MemoryStorage();
    const key = draftKey('/board', 'create-matter');
    claimDrafts(storage, 'staff-head');
    saveDraft(storage, key, { title: '半填的事项' });
    claimDrafts(storage, 'staff-head');
    expect(loadDraft(storage, key)).toEqual({ title: '半填的事项' });
    claimDrafts(storage, 'staff-other');
    expect(loadDraft(storage, key)).toBeUndefined();
  });

  it('given something unreadable under a draft key, then there is no draft and it is removed', () => {
    const storage = new MemoryStorage();
    const key = draftKey('/info', 'submit');
    storage.setItem(key, '{not json');
    expect(loadDraft(storage, key)).toBeUndefined();
    expect(storage.getItem(key)).toBeNull();
  });
});
