import { countingCommands, queryPlans } from '@heli/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSharing, type Json, type Sharing } from './sharing-harness.js';

/**
 * Every list of the subgraph, and every `_entities` path, costs the same database commands for a
 * page (or a batch of representations) of 10 as of 50: nested lists and per-item figures are
 * loaded for the whole page at once. The demo records are copied to have more than 50 of each.
 */
let sharing: Sharing;
let collections: string[];

const LEADER = 'staff-director';
const SECRETARIAT = 'staff-secretariat-head';
const COPIES = 55;
const YEARS = Array.from({ length: 50 }, (_, i) => 2000 + i);

beforeAll(async () => {
  sharing = await startSharing({
    loadDemoData: true,
    monitorCommands: true,
    env: { VIEWER_CACHE_MS: '10000' },
  });
  await sharing.publishDemoOrganisation();
  const { models } = sharing;
  // The demo's first distribution, its document, readings, circulation and instruction, copied:
  // each copy of the document has its own distribution, readings, circulation and instruction.
  const distribution = (await models.distributions.findOne().lean())!;
  const document = (await models.documents.findById(distribution.documentId).lean())!;
  const readings = await models.readingRequests.find({ distributionId: distribution._id }).lean();
  const circulation = (await models.circulations.findOne().lean())!;
  const instruction = await models.instructions.findOne().lean();
  const submission = (await models.infoSubmissions.findOne().lean())!;
  const entry = (await models.catalogEntries.findOne({ classification: 'INTERNAL' }).lean())!;
  const digest = await models.infoDigests.findOne().lean();
  const copies = Array.from({ length: COPIES }, (_, i) => i);
  await models.documents.insertMany(
    copies.map((i) => ({
      ...document,
      _id: `doc-copy-${i}`,
      documentNumber: `复〔2026〕${i}号`,
      heldNumber: null,
    })),
  );
  await models.distributions.insertMany(
    copies.map((i) => ({ ...distribution, _id: `dist-copy-${i}`, documentId: `doc-copy-${i}` })),
  );
  await models.readingRequests.insertMany(
    copies.flatMap((i) =>
      readings.map((reading, r) => ({
        ...reading,
        _id: `reading-copy-${i}-${r}`,
        distributionId: `dist-copy-${i}`,
        documentId: `doc-copy-${i}`,
        // Readings to the leader, so the reading inbox is long too.
        recipientStaffId: r === 0 ? LEADER : reading.recipientStaffId,
        recipientDivisionId: r === 0 ? null : reading.recipientDivisionId,
      })),
    ),
  );
  await models.circulations.insertMany(
    copies.map((i) => ({ ...circulation, _id: `circ-copy-${i}`, documentId: `doc-copy-${i}` })),
  );
  if (instruction) {
    await models.instructions.insertMany(
      copies.map((i) => ({ ...instruction, _id: `instr-copy-${i}`, documentId: `doc-copy-${i}` })),
    );
  }
  await models.infoSubmissions.insertMany(
    copies.map((i) => ({
      ...submission,
      _id: `info-copy-${i}`,
      title: `${submission.title}（${i}）`,
      openTitle: null,
      digestIds: digest ? [digest._id] : [],
    })),
  );
  // The caller's directory lookup (once per few seconds) is not the list's work.
  await models.catalogEntries.insertMany(
    copies.map((i) => ({ ...entry, _id: `entry-copy-${i}`, docNo: 1000 + i })),
  );
  collections = Object.values(models)
    .map((model) => model.collection.collectionName)
    .filter((name) => name !== models.directoryStaff.collection.collectionName);
});

afterAll(() => sharing?.close());

async function run(query: string, variables: Record<string, unknown>) {
  // Information items are for the secretariat (and each item's submitter).
  const caller = query.includes('InfoSubmission') || query.includes('infoSubmissions');
  return countingCommands(
    sharing.conn,
    async () => {
      const { body } = await sharing.as(caller ? SECRETARIAT : LEADER, query, variables);
      expect(body.errors).toBeUndefined();
      return body.data as Json;
    },
    { collections },
  );
}

/** Runs `query` for 10 and for 50; both must send the same commands and fill their pages. */
async function sameCommandsFor10And50(
  query: string,
  variables: (size: number) => Record<string, unknown>,
  sizeOf: (data: Json) => number,
) {
  const ten = await run(query, variables(10));
  const fifty = await run(query, variables(50));
  // PRINT_COMMANDS=1 prints the figures (commands per request at 10 and at 50) for a report.
  if (process.env['PRINT_COMMANDS']) {
    console.info(`${ten.commands.length}\t${fifty.commands.length}\t${query.slice(0, 70)}`);
  }
  expect(sizeOf(ten.result)).toBe(10);
  expect(sizeOf(fifty.result)).toBe(50);
  expect(fifty.commands).toEqual(ten.commands);
  return fifty;
}

const representations = (typename: string, ids: string[]) => ({
  r: ids.map((id) => ({ __typename: typename, id })),
});
const copyIds = (prefix: string, size: number) =>
  Array.from({ length: size }, (_, i) => `${prefix}-${i}`);

const DISTRIBUTION_FIELDS = `id recipientCount readCount unreadCount overdueCount
  document { id title }
  readingRequests(first: 2) { totalCount edges { node { id status document { id } } } }
  overdue: readingRequests(status: OVERDUE, first: 2) { totalCount edges { node { id } } }`;

const DOCUMENT_FIELDS = `id title
  distributions { id recipientCount }
  instructions { id }
  circulations { id document { id } }`;

const lists: [name: string, query: string, path: (data: Json) => Json[]][] = [
  [
    'sentDistributions, with counts and readings per distribution',
    `query($n: Int) { sentDistributions(first: $n) { totalCount edges { node { ${DISTRIBUTION_FIELDS} } } } }`,
    (data) => data.sentDistributions.edges,
  ],
  [
    'documents, with their distributions, instructions and circulations',
    `query($n: Int) { documents(first: $n) { totalCount edges { node { ${DOCUMENT_FIELDS} } } } }`,
    (data) => data.documents.edges,
  ],
  [
    'readingInbox, with each reading’s document',
    `query($n: Int) { readingInbox(first: $n) { totalCount edges { node { id status document { id } } } } }`,
    (data) => data.readingInbox.edges,
  ],
  [
    'catalogEntries',
    `query($n: Int) { catalogEntries(first: $n) { totalCount edges { node { id title } } } }`,
    (data) => data.catalogEntries.edges,
  ],
  [
    'infoSubmissions, with their digests',
    `query($n: Int) { infoSubmissions(first: $n) { totalCount edges { node { id digests { id } } } } }`,
    (data) => data.infoSubmissions.edges,
  ],
];

const entities: [name: string, query: string, variables: (size: number) => Json][] = [
  [
    'Document',
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on Document { ${DOCUMENT_FIELDS} } } }`,
    (size) => representations('Document', copyIds('doc-copy', size)),
  ],
  [
    'Division, with its catalogue entries and reading record',
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on Division { id
      catalogEntries(first: 2) { totalCount edges { node { id } } }
      distributionStats { requested read overdue readOnTimeRate } } } }`,
    // The same few divisions asked for many times over, as a gateway may.
    (size) =>
      representations(
        'Division',
        Array.from({ length: size }, (_, i) => `div-${i % 2 === 0 ? 'research' : 'secretariat'}`),
      ),
  ],
  [
    'CatalogEntry',
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on CatalogEntry { id title } } }`,
    (size) => representations('CatalogEntry', copyIds('entry-copy', size)),
  ],
  [
    'InfoSubmission, with its digests and their documents',
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on InfoSubmission { id
      digests { id document { id } } } } }`,
    (size) => representations('InfoSubmission', copyIds('info-copy', size)),
  ],
  [
    'Instruction',
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on Instruction { id document { id } } } }`,
    (size) => representations('Instruction', copyIds('instr-copy', size)),
  ],
  [
    'Statistics, one per year',
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on Statistics { year readingRates { month } } } }`,
    (size) => ({ r: YEARS.slice(0, size).map((year) => ({ __typename: 'Statistics', year })) }),
  ],
  [
    'Staff, with the caller’s own reading inbox',
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on Staff { id readingInbox(first: 2) { totalCount } } } }`,
    (size) =>
      representations(
        'Staff',
        Array.from({ length: size }, () => LEADER),
      ),
  ],
];

describe('each list costs the same commands for a page of 10 as of 50', () => {
  it.each(lists)('%s', async (_, query, path) => {
    await sameCommandsFor10And50(
      query,
      (n) => ({ n }),
      (data) => path(data).length,
    );
  });
});

describe('each _entities path costs the same commands for 10 representations as for 50', () => {
  it.each(entities)('%s', async (_, query, variables) => {
    await sameCommandsFor10And50(query, variables, (data) => data._entities.length);
  });
});

describe('every list query is served by an index', () => {
  // A count of every document the caller may see is the one read no index narrows; pages are.
  it.each(lists)('%s', async (_, query) => {
    const { sent } = await run(query.replaceAll('totalCount', ''), { n: 10 });
    const plans = await queryPlans(sharing.conn, sent);
    expect(plans.length).toBeGreaterThan(0);
    expect(plans.filter((plan) => plan.includes('COLLSCAN'))).toEqual([]);
  });
});
