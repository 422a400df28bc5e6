export interface GraphqlRequestOptions {
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  headers?: Record<string, string>;
}

export interface GraphqlResponse<TData = Record<string, unknown>> {
  status: number;
  body: GraphqlBody<TData>;
  headers: Headers;
}

export interface GraphqlBody<TData> {
  data?: TData | null;
  errors?: Array<{
    message: string;
    path?: Array<string | number>;
    extensions?: Record<string, unknown> & { code?: string };
  }>;
}

/**
 * POSTs one operation and returns status, parsed body and headers — whatever the status, so tests
 * can assert on refusals as well. The last argument may be just a token.
 */
export async function graphql<TData = Record<string, unknown>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  options: GraphqlRequestOptions | string = {},
): Promise<GraphqlResponse<TData>> {
  const { token, headers = {} } = typeof options === 'string' ? { token: options } : options;
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token !== undefined && { authorization: `Bearer ${token}` }),
      ...headers,
    },
    body: JSON.stringify({ query, ...(variables && { variables }) }),
  });
  const text = await response.text();
  let body: GraphqlBody<TData>;
  try {
    body = JSON.parse(text) as GraphqlBody<TData>;
  } catch {
    throw new Error(
      `${url} answered ${response.status} with a body that is not JSON: ${text.slice(0, 500)}`,
    );
  }
  return { status: response.status, body, headers: response.headers };
}
