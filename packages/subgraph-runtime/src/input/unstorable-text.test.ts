import { describe, expect, it } from 'vitest';
import { unstorableTextProblem } from './unstorable-text.js';

describe('unstorableTextProblem', () => {
  it('accepts ordinary text, line breaks, tabs and characters outside the BMP', () => {
    expect(unstorableTextProblem('关于加强督办工作的通知\n第一条\t说明 𠀀')).toBeNull();
  });

  it('refuses a NUL and other control characters', () => {
    expect(unstorableTextProblem('标题\u0000')).toMatch(/控制字符/);
    expect(unstorableTextProblem('\u001b[31m')).toMatch(/控制字符/);
  });

  it('refuses a lone surrogate, high or low', () => {
    expect(unstorableTextProblem('标题\ud800')).toMatch(/代理项/);
    expect(unstorableTextProblem('\udc00标题')).toMatch(/代理项/);
    expect(unstorableTextProblem('\ud840\udc00')).toBeNull();
  });
});
