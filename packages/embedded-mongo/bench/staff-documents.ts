/**
 * The documents every benchmark of this package writes and looks up: staff records with an
 * indexed `email` and an unindexed twin of it (`emailTwin`) for the same lookups as full scans.
 * One shape, so the figures of `bench`, `bench:interleaved` and `bench:instructions` are of the
 * same work.
 */
export type BenchDoc = {
  _id: number;
  email: string;
  emailTwin: string;
  divisionId: number;
  payload: string;
};

export const emailOf = (i: number) => `staff${i}@office.heli.example`;

export const staffDocument = (i: number): BenchDoc => ({
  _id: i,
  email: emailOf(i),
  emailTwin: emailOf(i),
  divisionId: i % 40,
  payload: 'x'.repeat(64),
});
