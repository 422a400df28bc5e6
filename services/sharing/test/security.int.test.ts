import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSharing, type Json, type Sharing } from './sharing-harness.js';

let sharing: Sharing;

beforeAll(async () => {
  sharing = await startSharing({ loadDemoData: true });
  await sharing.publishDemoOrganisation();
  // A 绝密 document only the confidential division and TOP_SECRET leadership may see.
  const registered = await sharing.as('staff-confidential-head', REGISTER, {
    input: {
      kind: 'CENTRAL',
      title: '关于重大专项工作的绝密通报',
      documentNumber: '中办密〔2026〕1号',
      issuer: '中共中央办公厅',
      issuedOn: '2026-02-01',
      classification: 'TOP_SECRET',
    },
  });
  expect(registered.body.errors).toBeUndefined();
  topSecretId = registered.body.data.registerDocument.id;
});

afterAll(async () => {
  await sharing?.close();
});

let topSecretId: string;

const REGISTER = `mutation ($input: RegisterDocumentInput!) { registerDocument(input: $input) { id } }`;
const DOCUMENT = `query ($id: ID!) { document(id: $id) { id title classification } }`;
const DOCUMENTS = `{ documents(first: 100) { totalCount edges { node { id } } } }`;
const ENTITIES = `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      __typename
      ... on Document { id title }
      ... on CatalogEntry { id title }
      ... on Division { id catalogEntries(first: 100) { totalCount edges { node { id } } } }
    }
  }`;
const SEARCH = `query ($q: String!) { searchCatalog(query: $q, first: 50) { totalCount hits { entry { id classification } snippet } } }`;
const AUDIT = `query ($documentId: ID) { documentViewAudit(documentId: $documentId, first: 100) { totalCount edges { node { documentId classification viewer { id } via } } } }`;

const documentIds = (body: Json) =>
  body.data.documents.edges.map((edge: Json) => edge.node.id).sort();

describe('documents by id', () => {
  it('returns a document to the people with clearance and need to know', async () => {
    const { body } = await sharing.as('staff-party-secretary', DOCUMENT, {
      id: 'doc-demo-minutes',
    });
    expect(body.data.document).toMatchObject({ id: 'doc-demo-minutes', classification: 'SECRET' });
  });

  it('returns null to someone with enough clearance but no need to know', async () => {
    // 法规室主任 holds SECRET clearance, but the minutes were never sent to him or his division.
    const { body } = await sharing.as('staff-legal-head', DOCUMENT, { id: 'doc-demo-minutes' });
    expect(body.errors).toBeUndefined();
    expect(body.data.document).toBeNull();
  });

  it('returns null to a recipient division member whose clearance is too low', async () => {
    const { body } = await sharing.as('staff-secretariat-2', DOCUMENT, {
      id: 'doc-demo-central-secrecy',
    });
    expect(body.data.document).toBeNull();
  });

  it('gives office leadership only what their own clearance covers', async () => {
    const secretLeader = await sharing.as('staff-deputy-director-1', DOCUMENT, { id: topSecretId });
    expect(secretLeader.body.data.document).toBeNull();
    const topSecretLeader = await sharing.as('staff-director', DOCUMENT, { id: topSecretId });
    expect(topSecretLeader.body.data.document.id).toBe(topSecretId);
  });
});

describe('document lists and counts', () => {
  it('lists and counts only visible documents', async () => {
    const director = await sharing.as('staff-director', DOCUMENTS);
    expect(director.body.data.documents.totalCount).toBe(5);

    const deputy = await sharing.as('staff-deputy-director-1', DOCUMENTS);
    expect(deputy.body.data.documents.totalCount).toBe(4);
    expect(documentIds(deputy.body)).not.toContain(topSecretId);

    // 综合一处 received the provincial notice; its INTERNAL staff see that and nothing else.
    const staff = await sharing.as('staff-general-1-2', DOCUMENTS);
    expect(documentIds(staff.body)).toEqual(['doc-demo-provincial-sharing']);
    expect(staff.body.data.documents.totalCount).toBe(1);

    const outsider = await sharing.as('staff-legal-head', DOCUMENTS);
    expect(outsider.body.data.documents).toMatchObject({ totalCount: 0, edges: [] });
  });

  it('filters by classification without revealing hidden ones in the count', async () => {
    const { body } = await sharing.as(
      'staff-deputy-director-1',
      `{ documents(classification: TOP_SECRET) { totalCount } }`,
    );
    expect(body.data.documents.totalCount).toBe(0);
  });
});

describe('the subgraph’s _entities, called directly', () => {
  it('resolves hidden documents to null and visible ones in order', async () => {
    const representations = [
      { __typename: 'Document', id: 'doc-demo-minutes' },
      { __typename: 'Document', id: 'doc-demo-provincial-sharing' },
      { __typename: 'Document', id: topSecretId },
    ];
    const outsider = await sharing.as('staff-general-1-2', ENTITIES, { representations });
    expect(outsider.body.errors).toBeUndefined();
    expect(outsider.body.data._entities).toEqual([
      null,
      {
        __typename: 'Document',
        id: 'doc-demo-provincial-sharing',
        title: '关于进一步加强政务资源共享工作的通知',
      },
      null,
    ]);
  });

  it('resolves catalogue entries above the clearance to null', async () => {
    const representations = [
      { __typename: 'CatalogEntry', id: 'entry-demo-secret-review' },
      { __typename: 'CatalogEntry', id: 'entry-demo-supervision' },
    ];
    const { body } = await sharing.as('staff-general-1-1', ENTITIES, { representations });
    expect(body.data._entities[0]).toBeNull();
    expect(body.data._entities[1].id).toBe('entry-demo-supervision');
  });

  it('counts a division’s catalogue entries by the caller’s clearance', async () => {
    const representations = [{ __typename: 'Division', id: 'div-confidential' }];
    const low = await sharing.as('staff-legal-1', ENTITIES, { representations });
    expect(low.body.data._entities[0].catalogEntries.totalCount).toBe(0);
    const high = await sharing.as('staff-confidential-1', ENTITIES, { representations });
    expect(high.body.data._entities[0].catalogEntries.totalCount).toBe(2);
  });
});

describe('catalogue entries', () => {
  it('hides entries above the clearance by id, in lists and in counts', async () => {
    const byId = await sharing.as(
      'staff-legal-1',
      `{ catalogEntry(id: "entry-demo-secrecy-rules") { id } }`,
    );
    expect(byId.body.data.catalogEntry).toBeNull();
    const lists = await sharing.as(
      'staff-legal-2',
      `{ catalogEntries(first: 100) { totalCount edges { node { classification } } } }`,
    );
    expect(lists.body.data.catalogEntries.totalCount).toBe(1);
    expect(lists.body.data.catalogEntries.edges).toEqual([{ node: { classification: 'PUBLIC' } }]);
  });

  it('shows people of other offices only PUBLIC entries', async () => {
    const { body } = await sharing.as(
      'staff-daoli-liaison',
      `{ catalogEntries(first: 100) { totalCount } }`,
    );
    expect(body.data.catalogEntries.totalCount).toBe(1);
  });

  it('keeps search hits, counts and snippets within the clearance', async () => {
    const publicReader = await sharing.as('staff-legal-2', SEARCH, { q: '保密规定' });
    expect(publicReader.body.data.searchCatalog).toEqual({ totalCount: 0, hits: [] });

    // 保密规定 is segmented into 保密 + 规定; the research report mentions 保密审查 only.
    const internalReader = await sharing.as('staff-legal-1', SEARCH, { q: '保密规定' });
    expect(internalReader.body.data.searchCatalog.totalCount).toBe(2);
    expect(internalReader.body.data.searchCatalog.hits.map((hit: Json) => hit.entry.id)).toEqual([
      'entry-demo-legal',
      'entry-demo-research-sharing',
    ]);
    expect(
      internalReader.body.data.searchCatalog.hits.map((hit: Json) => hit.snippet).join(),
    ).not.toContain('涉密文件登记');

    const secretReader = await sharing.as('staff-confidential-1', SEARCH, { q: '保密规定' });
    expect(secretReader.body.data.searchCatalog.totalCount).toBe(4);
    expect(
      secretReader.body.data.searchCatalog.hits
        .slice(0, 2)
        .map((hit: Json) => hit.entry.id)
        .sort(),
    ).toEqual(['entry-demo-secrecy-rules', 'entry-demo-secret-review']);
  });

  it('refuses to open or cite an entry the reader may not see, as if it did not exist', async () => {
    const { body } = await sharing.as(
      'staff-legal-1',
      `mutation { openCatalogEntry(id: "entry-demo-secret-review") { id } }`,
    );
    expect(body.errors[0].extensions.code).toBe('NOT_FOUND');
  });
});

describe('the audit trail', () => {
  it('records every view of a CONFIDENTIAL+ document, by path, and none of lower ones', async () => {
    const before = await sharing.as('staff-confidential-security', AUDIT, {
      documentId: 'doc-demo-minutes',
    });
    const already = before.body.data.documentViewAudit.totalCount;

    await sharing.as('staff-executive-deputy', DOCUMENT, { id: 'doc-demo-minutes' });
    await sharing.as('staff-executive-deputy', ENTITIES, {
      representations: [{ __typename: 'Document', id: 'doc-demo-minutes' }],
    });
    // Listing is not viewing: a list of titles leaves no record, reading a listed text does.
    await sharing.as('staff-executive-deputy', DOCUMENTS);
    await sharing.as(
      'staff-executive-deputy',
      `{ searchDocuments(query: "纪要") { hits { document { id title } } } }`,
    );
    await sharing.as(
      'staff-executive-deputy',
      `{ documents(first: 100) { edges { node { id body } } } }`,
    );
    await sharing.as(
      'staff-executive-deputy',
      `{ readingInbox { edges { node { document { id } } } } }`,
    );
    // Someone who may not see it leaves no view record: nothing was shown.
    await sharing.as('staff-legal-head', DOCUMENT, { id: 'doc-demo-minutes' });

    const after = await sharing.as('staff-confidential-security', AUDIT, {
      documentId: 'doc-demo-minutes',
    });
    const views = after.body.data.documentViewAudit;
    expect(views.totalCount).toBe(already + 4);
    const mine = views.edges
      .map((edge: Json) => edge.node)
      .filter((view: Json) => view.viewer.id === 'staff-executive-deputy');
    expect(mine.map((view: Json) => view.via).sort()).toEqual(
      ['ReadingRequest.document', '_entities', 'document', 'documents'].sort(),
    );
    expect(mine.every((view: Json) => view.classification === 'SECRET')).toBe(true);

    await sharing.as('staff-general-1-2', DOCUMENT, { id: 'doc-demo-provincial-sharing' });
    const internal = await sharing.as('staff-confidential-security', AUDIT, {
      documentId: 'doc-demo-provincial-sharing',
    });
    expect(internal.body.data.documentViewAudit.totalCount).toBe(0);
  });

  it('is for security officers only', async () => {
    const { body } = await sharing.as('staff-director', AUDIT, {});
    expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('reading inboxes', () => {
  it('never lists a division request above the member’s clearance', async () => {
    // The secrecy opinion (CONFIDENTIAL) is circulated, and 综合一处 INTERNAL staff are never sent it;
    // distribute a CONFIDENTIAL document to 秘书处 and check its INTERNAL member does not see it.
    const sent = await sharing.as(
      'staff-secretariat-head',
      `mutation { distributeDocument(input: { documentId: "doc-demo-central-secrecy", divisionIds: ["div-secretariat"], dueAt: "2026-03-09T01:00:00Z" }) { id } }`,
    );
    expect(sent.body.errors).toBeUndefined();
    const low = await sharing.as('staff-secretariat-2', `{ readingInbox { totalCount } }`);
    expect(low.body.data.readingInbox.totalCount).toBe(0);
    const cleared = await sharing.as(
      'staff-secretariat-1',
      `{ readingInbox { totalCount edges { node { documentTitle } } } }`,
    );
    expect(
      cleared.body.data.readingInbox.edges.map((edge: Json) => edge.node.documentTitle),
    ).toContain('关于做好2026年度保密工作的意见');
  });

  it('lets only the person read their own inbox through Staff', async () => {
    const query = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Staff { readingInbox { totalCount } } } }`;
    const own = await sharing.as('staff-director', query, {
      representations: [{ __typename: 'Staff', id: 'staff-director' }],
    });
    expect(own.body.data._entities[0].readingInbox.totalCount).toBe(1);
    const other = await sharing.as('staff-general-1-1', query, {
      representations: [{ __typename: 'Staff', id: 'staff-director' }],
    });
    expect(other.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});
