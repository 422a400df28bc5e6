import type { Fetcher } from './subgraph-fetcher.js';

type FetcherHeaders = Awaited<ReturnType<Fetcher>>['headers'];

/**
 * A subgraph answer's headers, as Apollo's data source reads them (`get('content-type')`), over a
 * plain Map. The WHATWG `Headers` class validates and normalises every name and value through its
 * WebIDL layer on each call; built once per subgraph fetch and copied once more per caller sharing
 * a deduplicated fetch, that showed up in a gateway worker's profile for headers nobody reads but
 * the content type. Names are lower-cased; repeated headers are joined with ", " as `Headers` does.
 */
export class SubgraphResponseHeaders implements FetcherHeaders {
  private readonly values_: Map<string, string>;

  constructor(init?: Iterable<[string, string]>) {
    this.values_ = new Map();
    if (init) for (const [name, value] of init) this.append(name, value);
  }

  /** From undici's response header record (lower-case names; arrays for repeated headers). */
  static fromRecord(raw: Record<string, string | string[] | undefined>): SubgraphResponseHeaders {
    const headers = new SubgraphResponseHeaders();
    for (const name in raw) {
      const value = raw[name];
      if (value === undefined) continue;
      headers.values_.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : value);
    }
    return headers;
  }

  append(name: string, value: string): void {
    const key = name.toLowerCase();
    const existing = this.values_.get(key);
    this.values_.set(key, existing === undefined ? value : `${existing}, ${value}`);
  }

  delete(name: string): void {
    this.values_.delete(name.toLowerCase());
  }

  get(name: string): string | null {
    return this.values_.get(name.toLowerCase()) ?? null;
  }

  has(name: string): boolean {
    return this.values_.has(name.toLowerCase());
  }

  set(name: string, value: string): void {
    this.values_.set(name.toLowerCase(), value);
  }

  entries(): IterableIterator<[string, string]> {
    return this.values_.entries();
  }

  keys(): IterableIterator<string> {
    return this.values_.keys();
  }

  values(): IterableIterator<string> {
    return this.values_.values();
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.values_.entries();
  }
}
