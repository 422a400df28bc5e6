import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { describe, expect, it } from 'vitest';
import { describeFailure } from './errors';

describe('describeFailure', () => {
  it('given a FORBIDDEN GraphQL error, then the subgraph’s own message is kept', () => {
    const error = new CombinedGraphQLErrors({
      errors: [{ message: '无权查看该事项', extensions: { code: 'FORBIDDEN' } }],
    });
    expect(describeFailure(error)).toEqual({ kind: 'FORBIDDEN', message: '无权查看该事项' });
  });

  it('given several errors with one message each, then they are joined once each', () => {
    const error = new CombinedGraphQLErrors({
      errors: [
        { message: '标题不能为空', extensions: { code: 'BAD_USER_INPUT' } },
        { message: '标题不能为空', extensions: { code: 'BAD_USER_INPUT' } },
        { message: '时限不能早于现在', extensions: { code: 'BAD_USER_INPUT' } },
      ],
    });
    expect(describeFailure(error)).toEqual({
      kind: 'OTHER',
      message: '标题不能为空；时限不能早于现在',
    });
  });

  it('given a 401 from the gateway, then the session is over', () => {
    const error = new ServerError('Unauthorized', {
      response: new Response('{}', { status: 401 }),
      bodyText: '{}',
    });
    expect(describeFailure(error).kind).toBe('UNAUTHENTICATED');
  });

  it('given a failed fetch, then the connection is reported lost', () => {
    expect(describeFailure(new TypeError('Failed to fetch')).kind).toBe('OFFLINE');
  });
});
