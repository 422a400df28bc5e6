/** The three queries of issue 15, as a client of the office graph sends them. */
export const QUERIES = {
  /** 30 matters with their lead division's score: responsibility, then assessment. */
  q1: '{ assignments(first: 30) { edges { node { id title status priority deadline leadDivision { id name score(period: "2026") { total } } } } } }',
  /** One page of divisions: responsibility alone. */
  q2: '{ divisions(first: 10) { edges { node { id name } } } }',
  /** Divisions with head, score and catalogue entries: responsibility, assessment, sharing, responsibility. */
  q3: '{ divisions(first: 10) { edges { node { id name head { name title } score(period: "2026") { total byCategory { category points } } catalogEntries(first: 3) { totalCount edges { node { title publishedBy { name } } } } } } } }',
} as const;

export type QueryName = keyof typeof QUERIES;

/** The query with its outermost list's page size (the first `first:` argument) set to `size`. */
export const withPageSize = (query: string, size: number): string =>
  query.replace(/\(first: \d+\)/, `(first: ${size})`);
