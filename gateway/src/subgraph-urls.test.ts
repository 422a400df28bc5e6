import { describe, expect, it } from 'vitest';
import { parseSubgraphUrls } from './subgraph-urls.js';

describe('SUBGRAPH_URLS parsing', () => {
  it('given name=url pairs, when parsed, then each becomes an endpoint in order', () => {
    expect(
      parseSubgraphUrls(
        'responsibility=http://127.0.0.1:4001/graphql, sharing=https://sharing.internal/graphql',
      ),
    ).toEqual({
      ok: true,
      endpoints: [
        { name: 'responsibility', url: 'http://127.0.0.1:4001/graphql' },
        { name: 'sharing', url: 'https://sharing.internal/graphql' },
      ],
    });
  });

  it('given a trailing comma, when parsed, then the empty entry is ignored', () => {
    expect(parseSubgraphUrls('a=http://h:1/graphql,')).toEqual({
      ok: true,
      endpoints: [{ name: 'a', url: 'http://h:1/graphql' }],
    });
  });

  it('given a URL that itself contains "=", when parsed, then only the first "=" separates name and URL', () => {
    expect(parseSubgraphUrls('a=http://h:1/graphql?x=1')).toEqual({
      ok: true,
      endpoints: [{ name: 'a', url: 'http://h:1/graphql?x=1' }],
    });
  });

  it('given several bad entries, when parsed, then every problem is reported', () => {
    const result = parseSubgraphUrls(
      'nourl, 9lives=http://h/graphql, a=ftp://h/x, b=http://h/1, b=http://h/2',
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        "'nourl' is not of the form name=url",
        "'9lives' is not a valid subgraph name (letters, digits, '-' and '_', starting with a letter)",
        "the URL of 'a' is not an http(s) URL: 'ftp://h/x'",
        "'b' is listed more than once",
      ],
    });
  });

  it('given only separators, when parsed, then it asks for at least one entry', () => {
    expect(parseSubgraphUrls(' , ')).toEqual({
      ok: false,
      problems: ['expected at least one name=url entry'],
    });
  });
});
