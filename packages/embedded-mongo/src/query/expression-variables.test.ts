import { describe, expect, it } from 'vitest';
import { undefinedVariableIn } from './expression-variables.js';

describe('undefinedVariableIn', () => {
  it('given a $$name in $expr that nothing defines, then it is named', () => {
    expect(undefinedVariableIn({ $expr: { $eq: ['$_id', '$$id2.x'] } })).toBe('id2');
  });

  it('given the name among the let variables, then nothing is undefined', () => {
    expect(undefinedVariableIn({ $expr: { $eq: ['$_id', '$$id'] } }, { id: 1 })).toBeUndefined();
  });

  it('given $expr inside $and/$or/$nor, then those are checked too', () => {
    expect(undefinedVariableIn({ $or: [{ a: 1 }, { $expr: { $gt: ['$a', '$$min'] } }] })).toBe(
      'min',
    );
  });

  it('given a variable bound by $let, $map or $reduce, then it is defined only inside', () => {
    const letIn = { $let: { vars: { one: 1 }, in: '$$one' } };
    expect(undefinedVariableIn({ $expr: letIn })).toBeUndefined();
    expect(undefinedVariableIn({ $expr: { $and: [letIn, '$$one'] } })).toBe('one');
    expect(
      undefinedVariableIn({ $expr: { $map: { input: '$a', as: 'n', in: '$$n' } } }),
    ).toBeUndefined();
    expect(
      undefinedVariableIn({
        $expr: { $reduce: { input: '$a', initialValue: 0, in: ['$$value', '$$this'] } },
      }),
    ).toBeUndefined();
  });

  it('given system variables, $literal, or "$$" outside $expr, then nothing is undefined', () => {
    expect(undefinedVariableIn({ $expr: { $lt: ['$$NOW', '$$ROOT.d'] } })).toBeUndefined();
    expect(undefinedVariableIn({ $expr: { $eq: ['$a', { $literal: '$$x' }] } })).toBeUndefined();
    expect(undefinedVariableIn({ a: '$$x' })).toBeUndefined();
  });
});
