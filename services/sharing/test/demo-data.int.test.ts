import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadDemoSharing } from '../src/demo/load-demo-sharing.js';
import { startSharing, type Sharing } from './sharing-harness.js';

let sharing: Sharing;

beforeAll(async () => {
  sharing = await startSharing({ loadDemoData: true });
});

afterAll(async () => {
  await sharing?.close();
});

it('loads documents at several classifications, distributions in progress, a circulation midway, entries and items', async () => {
  const { models } = sharing;
  expect((await models.documents.distinct('classification')).sort()).toEqual([
    'CONFIDENTIAL',
    'INTERNAL',
    'PUBLIC',
    'SECRET',
  ]);
  expect(await models.readingRequests.countDocuments({ acknowledgedAt: { $ne: null } })).toBe(2);
  expect(await models.readingRequests.countDocuments({ acknowledgedAt: null })).toBeGreaterThan(0);
  const [circulation] = await models.circulations.find().lean();
  expect(circulation).toMatchObject({
    status: 'IN_PROGRESS',
    holderStaffId: 'staff-executive-deputy',
  });
  expect(await models.catalogEntries.countDocuments()).toBe(7);
  expect((await models.infoSubmissions.distinct('status')).sort()).toEqual([
    'ADOPTED',
    'RETURNED',
    'SUBMITTED',
  ]);
});

it('changes nothing when loaded again', async () => {
  const counts = async () =>
    Promise.all(
      (
        [
          'documents',
          'distributions',
          'readingRequests',
          'circulations',
          'instructions',
          'catalogEntries',
          'infoSubmissions',
        ] as const
      ).map((name) => sharing.models[name].countDocuments()),
    );
  const before = await counts();
  const outboxBefore = (await sharing.outboxEvents()).length;
  expect(await loadDemoSharing(sharing.runtime, sharing.clock.now())).toEqual({
    documents: 0,
    catalogEntries: 0,
    submissions: 0,
  });
  expect(await counts()).toEqual(before);
  expect((await sharing.outboxEvents()).length).toBe(outboxBefore);
});
