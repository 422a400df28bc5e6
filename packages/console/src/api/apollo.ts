import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { ServerError } from '@apollo/client/errors';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { RetryLink } from '@apollo/client/link/retry';
import { tap } from 'rxjs';
import { describeFailure } from './errors';
import { firstQueryLink } from './first-query';

export interface ConsoleClientOptions {
  /** The current token, read per request so a new sign-in takes effect at once. */
  token: () => string | undefined;
  /** The gateway refused the token (expired, revoked): back to sign-in. */
  onUnauthenticated: () => void;
  /** The connection dropped (true) or came back (false); the console shows a banner meanwhile. */
  onConnectionChange: (lost: boolean) => void;
}

/**
 * The console's one Apollo Client: same-origin /graphql with the caller's bearer token. A lost
 * connection is retried (queries only — a mutation might have reached the server) and reported.
 */
export function createConsoleClient(options: ConsoleClientOptions): ApolloClient {
  const auth = new SetContextLink((previous) => {
    const token = options.token();
    return {
      headers: { ...previous['headers'], ...(token && { authorization: `Bearer ${token}` }) },
    };
  });
  const errors = new ErrorLink(({ error }) => {
    const failure = describeFailure(error);
    if (failure.kind === 'UNAUTHENTICATED') options.onUnauthenticated();
  });
  const retry = new RetryLink({
    delay: { initial: 500, max: 5_000, jitter: true },
    attempts: (count, operation, error) => {
      const lost = describeFailure(error).kind === 'OFFLINE';
      const isQuery = operation.operationType === 'query';
      if (lost && isQuery) options.onConnectionChange(true);
      return lost && isQuery && count < 20;
    },
  });
  const connected = new ApolloLink((operation, forward) => {
    return forward(operation).pipe(tap(() => options.onConnectionChange(false)));
  });
  const http = new HttpLink({ uri: '/graphql' });
  return new ApolloClient({
    link: ApolloLink.from([errors, connected, retry, auth, new ApolloLink(firstQueryLink), http]),
    cache: new InMemoryCache({
      // 我的工作 has no id of its own: the person's id keys it, so the bell's and the 工作台's
      // selections of it merge instead of replacing each other.
      typePolicies: { Work: { keyFields: ['staffId'] } },
    }),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}

export { ServerError };
