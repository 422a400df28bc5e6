import { GraphQLError } from 'graphql';

export const RESPONSE_TOO_LARGE = 'RESPONSE_TOO_LARGE';

/** The error sent instead of a result larger than the response limit. */
export function responseTooLarge(maxBytes: number): GraphQLError {
  return new GraphQLError(`查询结果过大：超过 ${maxBytes} 字节的上限。请分页查询或减少所选字段。`, {
    extensions: { code: RESPONSE_TOO_LARGE, maxResponseBytes: maxBytes },
  });
}
