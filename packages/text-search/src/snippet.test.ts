import { describe, expect, it } from 'vitest';
import { snippetAround } from './snippet.js';

describe('snippetAround', () => {
  const text =
    '为推动政务资源整合，市委办公厅建立资源共享目录，各处室将调研成果、信息简报纳入目录，供其他处室查阅借鉴。';

  it('cuts around the first hit and marks the cuts', () => {
    expect(snippetAround(text, ['资源共享'], 5)).toBe('…办公厅建立资源共享目录，各处…');
  });

  it('starts at the beginning when the hit is near it', () => {
    expect(snippetAround(text, ['政务'], 4)).toBe('为推动政务资源整合…');
  });

  it('falls back to the beginning when no term occurs', () => {
    expect(snippetAround(text, ['保密'], 5)).toBe('为推动政务资源整合，…');
  });
});
