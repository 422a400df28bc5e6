import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './return-path';

describe('the page to return to after signing in', () => {
  it('given a path of this site with its query, then it is kept', () => {
    expect(safeReturnPath('/board/matters/m-1?tab=timeline')).toBe(
      '/board/matters/m-1?tab=timeline',
    );
  });

  it.each([
    [null],
    [''],
    ['https://evil.example/'],
    ['//evil.example/board'],
    ['/\\evil.example'],
    ['javascript:alert(1)'],
    ['/sign-in?next=%2F'],
    ['/auth/callback?code=x'],
  ])('given %j, then the 工作台 instead', (next) => {
    expect(safeReturnPath(next)).toBe('/');
  });
});
