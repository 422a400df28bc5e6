import type { HeliClaims } from '@heli/auth';
import { OWN_OFFICE_ID } from '@heli/demo-data';
import { countingCommands } from '@heli/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogEntryRecord } from '../src/catalog/catalog.model.js';
import { startSharing, type Json, type Sharing } from './sharing-harness.js';

let sharing: Sharing;

const READER: HeliClaims = {
  sub: 'staff-batch-reader',
  name: '测试读者',
  divisionId: 'div-legal',
  officeId: OWN_OFFICE_ID,
  roles: ['STAFF'],
  clearance: 'INTERNAL',
};

const DIVISIONS = Array.from({ length: 12 }, (_, d) => `div-batch-${d}`);
const ENTRIES_PER_DIVISION = 5;

beforeAll(async () => {
  sharing = await startSharing({ monitorCommands: true, env: { VIEWER_CACHE_MS: '10000' } });
  // Five readable entries per division, a day apart, and one SECRET entry the reader may not see.
  const entries: CatalogEntryRecord[] = DIVISIONS.flatMap((divisionId, d) => [
    ...Array.from({ length: ENTRIES_PER_DIVISION }, (_, e) =>
      entry(divisionId, d * 10 + e, e, 'INTERNAL'),
    ),
    entry(divisionId, d * 10 + 9, 9, 'SECRET'),
  ]);
  await sharing.models.catalogEntries.insertMany(entries);
});

afterAll(() => sharing?.close());

function entry(
  divisionId: string,
  docNo: number,
  day: number,
  classification: CatalogEntryRecord['classification'],
): CatalogEntryRecord {
  return {
    _id: `entry-${divisionId}-${day}`,
    docNo,
    title: `${divisionId} 条目 ${day}`,
    summary: '批量测试条目',
    keywords: [],
    officeId: OWN_OFFICE_ID,
    sourceDivisionId: divisionId,
    classification,
    link: null,
    publishedByStaffId: 'staff-legal-1',
    publishedAt: new Date(Date.UTC(2026, 0, 1 + day)),
    openCount: 0,
    citationCount: 0,
    termCount: 2,
  };
}

const DIVISION_ENTRIES = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Division {
      id
      catalogEntries(first: 3) { totalCount pageInfo { hasNextPage endCursor } edges { node { title } } }
    }
  }
}`;

async function divisionEntries(divisionIds: string[]) {
  return countingCommands(
    sharing.conn,
    async () => {
      const { body } = await sharing.as(READER, DIVISION_ENTRIES, {
        representations: divisionIds.map((id) => ({ __typename: 'Division', id })),
      });
      expect(body.errors).toBeUndefined();
      return body.data._entities as Json[];
    },
    { collections: ['catalog_entries'] },
  );
}

describe('a list of divisions with their catalogue entries (Division.catalogEntries)', () => {
  it('reads the entries of 12 divisions with the same commands as of 2: one aggregation', async () => {
    const two = await divisionEntries(DIVISIONS.slice(0, 2));
    const twelve = await divisionEntries(DIVISIONS);

    expect(two.commands).toEqual(['aggregate catalog_entries']);
    expect(twelve.commands).toEqual(two.commands);
    expect(twelve.result).toHaveLength(12);
    for (const [d, division] of twelve.result.entries()) {
      expect(division).toMatchObject({
        id: DIVISIONS[d],
        // The SECRET entry is neither listed nor counted for an INTERNAL reader.
        catalogEntries: {
          totalCount: ENTRIES_PER_DIVISION,
          pageInfo: { hasNextPage: true },
          edges: [4, 3, 2].map((day) => ({ node: { title: `${DIVISIONS[d]} 条目 ${day}` } })),
        },
      });
    }
  });

  it('continues each division after its own cursor', async () => {
    const first = (await divisionEntries(['div-batch-3'])).result[0];
    const { body } = await sharing.as(
      READER,
      `query($reps: [_Any!]!, $after: String) { _entities(representations: $reps) {
        ... on Division { catalogEntries(first: 3, after: $after) { pageInfo { hasNextPage } edges { node { title } } } } } }`,
      {
        reps: [{ __typename: 'Division', id: 'div-batch-3' }],
        after: first.catalogEntries.pageInfo.endCursor,
      },
    );
    expect(body.data._entities[0].catalogEntries).toEqual({
      pageInfo: { hasNextPage: false },
      edges: [1, 0].map((day) => ({ node: { title: `div-batch-3 条目 ${day}` } })),
    });
  });

  it('answers a division without entries with an empty page', async () => {
    const { result } = await divisionEntries(['div-batch-none']);
    expect(result[0].catalogEntries).toEqual({
      totalCount: 0,
      pageInfo: { hasNextPage: false, endCursor: null },
      edges: [],
    });
  });
});

describe('counting a list only when totalCount is asked for', () => {
  const list = (fields: string, fragments = '') =>
    countingCommands(
      sharing.conn,
      async () => {
        const { body } = await sharing.as(
          READER,
          `{ catalogEntries(first: 5) { ${fields} } } ${fragments}`,
        );
        expect(body.errors).toBeUndefined();
        return body.data.catalogEntries as Json;
      },
      { collections: ['catalog_entries'] },
    );

  it('sends only the page query when the count is not selected', async () => {
    const { result, commands } = await list('edges { node { title } }');
    expect(result.edges).toHaveLength(5);
    expect(commands).toEqual(['find catalog_entries']);
  });

  it('counts when it is selected, also through a fragment', async () => {
    const direct = await list('totalCount edges { node { title } }');
    const throughFragment = await list(
      '...Counted edges { node { title } }',
      'fragment Counted on CatalogEntryConnection { totalCount }',
    );
    expect(direct.result.totalCount).toBe(DIVISIONS.length * ENTRIES_PER_DIVISION);
    expect(throughFragment.result.totalCount).toBe(DIVISIONS.length * ENTRIES_PER_DIVISION);
    // countDocuments is an aggregation on the wire.
    expect(direct.commands).toEqual(['aggregate catalog_entries', 'find catalog_entries']);
    expect(throughFragment.commands).toEqual(direct.commands);
  });
});

describe('the caller looked up in the directory once per few seconds, not per request', () => {
  it('sends one directory lookup for three requests with one token', async () => {
    const { commands } = await countingCommands(
      sharing.conn,
      async () => {
        for (let i = 0; i < 3; i++) {
          // A demo person by id: the harness signs their token once, as a client keeps one.
          const { status } = await sharing.as(
            'staff-legal-1',
            '{ catalogEntries(first: 1) { edges { node { id } } } }',
          );
          expect(status).toBe(200);
        }
      },
      { collections: ['directory_staff'] },
    );
    expect(commands).toEqual(['find directory_staff']);
  });
});
