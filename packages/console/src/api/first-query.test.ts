import type { ApolloLink } from '@apollo/client/link';
import { parse, print } from 'graphql';
import { firstValueFrom, of } from 'rxjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { firstQueryLink, startFirstQuery, withTypenames } from './first-query';

const document = parse('query Workbench { me { id work { staffId matters { totalCount } } } }');
const operation = (operationName: string, variables = {}) =>
  ({ operationName, variables }) as unknown as ApolloLink.Operation;
const forwarded = { data: { me: null } };
const forward = vi.fn(() => of(forwarded));

afterEach(() => {
  vi.unstubAllGlobals();
  forward.mockClear();
});

describe('the first query', () => {
  it('given a document, when typenames are added, then every object selection asks for __typename and the root does not', () => {
    expect(print(withTypenames(document))).toBe(
      print(
        parse(
          'query Workbench { me { id work { staffId matters { totalCount __typename } __typename } __typename } }',
        ),
      ),
    );
  });

  it('given the early query answered, when the page asks the same, then it gets that answer once, and the next ask goes to the network', async () => {
    const answer = { data: { me: { id: 'staff-director', __typename: 'Staff' } } };
    const fetch = vi.fn(async () => Response.json(answer));
    vi.stubGlobal('fetch', fetch);
    startFirstQuery(document, 'token');

    expect(await firstValueFrom(firstQueryLink(operation('Workbench'), forward))).toEqual(answer);
    expect(forward).not.toHaveBeenCalled();
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(new Headers(init.headers).get('authorization')).toBe('Bearer token');

    expect(await firstValueFrom(firstQueryLink(operation('Workbench'), forward))).toBe(forwarded);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('given the early query refused (401), when the page asks, then its own request goes out and reports as usual', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('', { status: 401 })),
    );
    startFirstQuery(document, 'expired');
    expect(await firstValueFrom(firstQueryLink(operation('Workbench'), forward))).toBe(forwarded);
    expect(forward).toHaveBeenCalledTimes(1);
  });

  it('given an early query, when another operation or other variables are asked, then they go to the network', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Response.json({ data: {} })),
    );
    startFirstQuery(document, 'token');
    expect(await firstValueFrom(firstQueryLink(operation('Board'), forward))).toBe(forwarded);
    expect(
      await firstValueFrom(firstQueryLink(operation('Workbench', { first: 5 }), forward)),
    ).toBe(forwarded);
    expect(forward).toHaveBeenCalledTimes(2);
  });
});
