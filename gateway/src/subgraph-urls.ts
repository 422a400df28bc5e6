/** One subgraph the gateway routes to: its name in the supergraph and where it answers GraphQL. */
export interface SubgraphEndpoint {
  name: string;
  url: string;
}

/** A subgraph name as composition accepts it (also usable in `SUBGRAPH_URL_<NAME>` variables). */
const SUBGRAPH_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;

/**
 * Parses `SUBGRAPH_URLS`, e.g. `responsibility=http://127.0.0.1:4001/graphql,sharing=http://…`.
 * Returns every problem at once instead of stopping at the first, like the rest of env parsing.
 */
export function parseSubgraphUrls(
  raw: string,
): { ok: true; endpoints: SubgraphEndpoint[] } | { ok: false; problems: string[] } {
  const endpoints: SubgraphEndpoint[] = [];
  const problems: string[] = [];
  const entries = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0) problems.push('expected at least one name=url entry');

  for (const entry of entries) {
    const equals = entry.indexOf('=');
    const name = equals === -1 ? '' : entry.slice(0, equals).trim();
    const url = equals === -1 ? '' : entry.slice(equals + 1).trim();
    if (equals === -1) {
      problems.push(`'${entry}' is not of the form name=url`);
    } else if (!SUBGRAPH_NAME.test(name)) {
      problems.push(
        `'${name}' is not a valid subgraph name (letters, digits, '-' and '_', starting with a letter)`,
      );
    } else if (!isHttpUrl(url)) {
      problems.push(`the URL of '${name}' is not an http(s) URL: '${url}'`);
    } else if (endpoints.some((endpoint) => endpoint.name === name)) {
      problems.push(`'${name}' is listed more than once`);
    } else {
      endpoints.push({ name, url });
    }
  }
  return problems.length === 0 ? { ok: true, endpoints } : { ok: false, problems };
}

function isHttpUrl(raw: string): boolean {
  if (!URL.canParse(raw)) return false;
  const { protocol } = new URL(raw);
  return protocol === 'http:' || protocol === 'https:';
}
