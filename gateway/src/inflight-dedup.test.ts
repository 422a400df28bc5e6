import { describe, expect, it } from 'vitest';
import { withInFlightDeduplication } from './inflight-dedup.js';
import { bufferedResponse, type Fetcher } from './subgraph-fetcher.js';

const URL_A = 'http://127.0.0.1:4001/graphql';
const QUERY = JSON.stringify({ query: '{ divisions { id name } }', variables: {} });
const ENTITIES = JSON.stringify({
  query:
    'query($representations:[_Any!]!){_entities(representations:$representations){...on Division{score{total}}}}',
  variables: { representations: [{ __typename: 'Division', id: 'd1' }] },
});
const MUTATION = JSON.stringify({ query: 'mutation { openEntry(id: "e1") { id } }' });

const init = (body: string, token = 'token-a', requestId = 'r1') => ({
  method: 'POST',
  headers: {
    'content-type': 'application/json',
    authorization: `Bearer ${token}`,
    'x-request-id': requestId,
  },
  body,
});

/** A subgraph stand-in whose answers the test releases, counting what reaches it. */
function heldSubgraph() {
  type Call = { url: string; body: string; authorization: string };
  const calls: Call[] = [];
  const pending: { call: Call; answer: (body: string) => void }[] = [];
  const fetcher: Fetcher = (url, requestInit = {}) => {
    const headers = (requestInit.headers ?? {}) as Record<string, string>;
    const call = { url, body: String(requestInit.body), authorization: headers['authorization']! };
    calls.push(call);
    return new Promise((resolve) =>
      pending.push({
        call,
        answer: (body) =>
          resolve(
            bufferedResponse(url, { status: 200, statusText: 'OK', headers: new Headers(), body }),
          ),
      }),
    );
  };
  return {
    ...withInFlightDeduplication(fetcher),
    calls,
    /** Answers every held call with what `answerFor` says for its caller. */
    release(answerFor: (call: Call) => string) {
      for (const { call, answer } of pending.splice(0)) answer(answerFor(call));
    },
  };
}

describe('withInFlightDeduplication', () => {
  it('given the same query for the same caller twice at once, asks the subgraph once and answers both', async () => {
    const subgraph = heldSubgraph();
    const first = subgraph.fetcher(URL_A, init(ENTITIES, 'token-a', 'r1'));
    const second = subgraph.fetcher(URL_A, init(ENTITIES, 'token-a', 'r2'));
    expect(subgraph.calls).toHaveLength(1);
    subgraph.release(() => '{"data":{"_entities":[{"score":{"total":5}}]}}');

    const [a, b] = await Promise.all([first, second]);
    // Each caller reads its own body: one reading does not use up the other's.
    expect(await a.json()).toEqual({ data: { _entities: [{ score: { total: 5 } }] } });
    expect(await b.json()).toEqual({ data: { _entities: [{ score: { total: 5 } }] } });
    expect(subgraph.inFlight()).toBe(0);
  });

  it('never shares between callers with different tokens: each gets its own answer', async () => {
    const subgraph = heldSubgraph();
    const internal = subgraph.fetcher(URL_A, init(QUERY, 'token-internal'));
    const secret = subgraph.fetcher(URL_A, init(QUERY, 'token-secret'));
    expect(subgraph.calls.map((c) => c.authorization)).toEqual([
      'Bearer token-internal',
      'Bearer token-secret',
    ]);
    subgraph.release(({ authorization }) => JSON.stringify({ data: { for: authorization } }));
    expect(await (await internal).json()).toEqual({ data: { for: 'Bearer token-internal' } });
    expect(await (await secret).json()).toEqual({ data: { for: 'Bearer token-secret' } });
  });

  it('never shares a mutation', async () => {
    const subgraph = heldSubgraph();
    const one = subgraph.fetcher(URL_A, init(MUTATION));
    const two = subgraph.fetcher(URL_A, init(MUTATION));
    expect(subgraph.calls).toHaveLength(2);
    subgraph.release(() => '{"data":{"openEntry":{"id":"e1"}}}');
    await Promise.all([one, two]);
  });

  it('shares a named query too, but never a body whose first member is not the query', async () => {
    const subgraph = heldSubgraph();
    // The same query, but the body's first member is not it: not recognisable as a query
    // without parsing, so it is sent as it is.
    const variablesFirst = JSON.stringify({ variables: {}, query: '{ divisions { id name } }' });
    const named = JSON.stringify({ query: 'query Divisions { divisions { id name } }' });
    const fetches = [
      subgraph.fetcher(URL_A, init(variablesFirst)),
      subgraph.fetcher(URL_A, init(variablesFirst)),
      subgraph.fetcher(URL_A, init(named)),
      subgraph.fetcher(URL_A, init(named)),
    ];
    // Both variables-first bodies reach the subgraph; the two named queries meet.
    expect(subgraph.calls.map((c) => c.body)).toEqual([variablesFirst, variablesFirst, named]);
    subgraph.release(() => '{"data":{}}');
    await Promise.all(fetches);
  });

  it('never shares a query whose variables mention another operation type', async () => {
    const subgraph = heldSubgraph();
    const body = JSON.stringify({
      query: 'query($q:String!){search(text:$q){id}}',
      variables: { q: 'mutation' },
    });
    const fetches = [subgraph.fetcher(URL_A, init(body)), subgraph.fetcher(URL_A, init(body))];
    expect(subgraph.calls).toHaveLength(2);
    subgraph.release(() => '{"data":{}}');
    await Promise.all(fetches);
  });

  it('shares nothing between different queries, variables or subgraphs', async () => {
    const subgraph = heldSubgraph();
    const fetches = [
      subgraph.fetcher(URL_A, init(QUERY)),
      subgraph.fetcher(URL_A, init(ENTITIES)),
      subgraph.fetcher(URL_A, init(ENTITIES.replace('"d1"', '"d2"'))),
      subgraph.fetcher('http://127.0.0.1:4005/graphql', init(QUERY)),
    ];
    expect(subgraph.calls).toHaveLength(4);
    subgraph.release(() => '{"data":{}}');
    await Promise.all(fetches);
  });

  it('is not a cache: the same query after the answer came asks the subgraph again', async () => {
    const subgraph = heldSubgraph();
    const first = subgraph.fetcher(URL_A, init(QUERY));
    subgraph.release(() => '{"data":{"n":1}}');
    await first;
    const again = subgraph.fetcher(URL_A, init(QUERY));
    expect(subgraph.calls).toHaveLength(2);
    subgraph.release(() => '{"data":{"n":2}}');
    expect(await (await again).json()).toEqual({ data: { n: 2 } });
  });

  it('hands a failure to every caller that waited, and forgets it', async () => {
    let fail = true;
    const calls: string[] = [];
    const { fetcher } = withInFlightDeduplication(async (url) => {
      calls.push(url);
      await Promise.resolve();
      if (fail) throw new Error('connection refused');
      return bufferedResponse(url, {
        status: 200,
        statusText: 'OK',
        headers: new Headers(),
        body: '{}',
      });
    });
    const results = await Promise.allSettled([
      fetcher(URL_A, init(QUERY)),
      fetcher(URL_A, init(QUERY)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    await expect(fetcher(URL_A, init(QUERY))).resolves.toMatchObject({ status: 200 });
    expect(calls).toHaveLength(2);
  });
});
