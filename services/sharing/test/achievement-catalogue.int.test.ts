import { ensureContextStream } from '@heli/event-bus';
import { achievementEvents, createEnvelope, natsSubject } from '@heli/event-contracts';
import { waitFor } from '@heli/testkit';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  achievementCatalogueSubscription,
  achievementEntryId,
} from '../src/catalog/achievement-catalogue.handlers.js';
import { startSharing, type Sharing } from './sharing-harness.js';

let sharing: Sharing;

beforeAll(async () => {
  sharing = await startSharing();
  await sharing.publishDemoOrganisation();
});
afterAll(async () => {
  await sharing?.close();
});

const registered = (achievementId: string, overrides: Record<string, unknown> = {}) =>
  createEnvelope(
    achievementEvents.achievementRegistered,
    {
      achievementId,
      officeId: 'office-harbin',
      version: 1,
      kind: 'RESEARCH_REPORT',
      title: '关于推进营商环境建设的调研报告',
      summary: '梳理营商环境短板，提出改进建议。',
      keywords: ['营商环境'],
      classification: 'INTERNAL',
      restricted: false,
      leadDivisionId: 'div-research',
      coDivisionIds: [],
      authorStaffIds: ['staff-research-1'],
      origin: null,
      registeredByStaffId: 'staff-research-1',
      registeredAt: '2026-03-02T01:00:00.000Z',
      ...overrides,
    },
    { source: 'achievement', subject: achievementId },
  );

async function publish(envelope: ReturnType<typeof registered>) {
  const { nats, env } = sharing.runtime;
  await ensureContextStream(await nats.jetstreamManager(), env.HELI_NAMESPACE, 'achievement');
  await nats
    .jetstream()
    .publish(
      natsSubject(env.HELI_NAMESPACE, achievementEvents.achievementRegistered),
      JSON.stringify(envelope),
      {
        msgID: envelope.id,
      },
    );
}

it('lists a registered achievement in the catalogue, searchable, linking back to it', async () => {
  await publish(registered('achievement-a1'));
  const entry = await waitFor(
    () => sharing.models.catalogEntries.findById(achievementEntryId('achievement-a1')).lean(),
    { timeoutMs: 20_000, description: 'the catalogue entry of the achievement' },
  );
  expect(entry).toMatchObject({
    sourceDivisionId: 'div-research',
    classification: 'INTERNAL',
    link: { kind: 'ACHIEVEMENT', targetId: 'achievement-a1' },
  });
  const found = await sharing.as(
    'staff-legal-1',
    '{ searchCatalog(query: "营商环境") { hits { entry { id link { kind targetId } } } } }',
  );
  expect(found.body.data.searchCatalog.hits).toContainEqual({
    entry: {
      id: 'entry-achievement-a1',
      link: { kind: 'ACHIEVEMENT', targetId: 'achievement-a1' },
    },
  });
  const published = await sharing.outboxEvents(sharingEventsPublished);
  expect(published.filter((e) => e.subject === 'entry-achievement-a1')).toHaveLength(1);
});

it('lists an achievement once when its event is handled twice', async () => {
  const { handlers } = achievementCatalogueSubscription(sharing.runtime);
  const event = registered('achievement-a2');
  const apply = () =>
    sharing.runtime.conn.transaction((session) =>
      handlers[achievementEvents.achievementRegistered.fullType]!(event, { session }),
    );
  await apply();
  await apply();
  expect(
    await sharing.models.catalogEntries.countDocuments({ 'link.targetId': 'achievement-a2' }),
  ).toBe(1);
});

it('does not list an achievement narrowed to named divisions', async () => {
  const { handlers } = achievementCatalogueSubscription(sharing.runtime);
  await sharing.runtime.conn.transaction((session) =>
    handlers[achievementEvents.achievementRegistered.fullType]!(
      registered('achievement-a3', { restricted: true }),
      { session },
    ),
  );
  expect(
    await sharing.models.catalogEntries.countDocuments({ 'link.targetId': 'achievement-a3' }),
  ).toBe(0);
});

it('rewrites and re-indexes the entry when the achievement is revised, once per version', async () => {
  const { handlers } = achievementCatalogueSubscription(sharing.runtime);
  const handle = (event: { type: string }) =>
    sharing.runtime.conn.transaction((session) =>
      handlers[event.type]!(event as ReturnType<typeof registered>, { session }),
    );
  await handle(
    registered('achievement-a4', {
      title: '关于冰雪旅游发展的调研报告',
      summary: '冰雪旅游现状。',
      keywords: ['冰雪旅游'],
    }),
  );
  const search = async (query: string) =>
    (
      await sharing.as(
        'staff-legal-1',
        `query($q: String!) { searchCatalog(query: $q) { hits { entry { id title } } } }`,
        { q: query },
      )
    ).body.data.searchCatalog.hits.map((hit: { entry: { id: string } }) => hit.entry.id);
  expect(await search('冰雪旅游')).toContain('entry-achievement-a4');
  const statistics = () =>
    sharing.models.catalogStatistics.findById('office-harbin|INTERNAL').lean();
  const before = await statistics();
  const revised = (version: number, title: string, keyword: string) =>
    createEnvelope(
      achievementEvents.achievementRevised,
      {
        ...registered('achievement-a4').data,
        version,
        title,
        summary: `${keyword}的对策建议。`,
        keywords: [keyword],
        revisedByStaffId: 'staff-research-1',
        revisedAt: '2026-03-05T01:00:00.000Z',
      },
      { source: 'achievement', subject: 'achievement-a4' },
    );
  const v2 = revised(2, '关于夜间经济发展的调研报告', '夜间经济');
  await handle(v2);
  await handle(v2);
  // A version already applied, arriving again with other texts, changes nothing.
  await handle(revised(2, '不应出现的标题', '不应出现'));
  const entry = await sharing.models.catalogEntries.findById('entry-achievement-a4').lean();
  expect(entry).toMatchObject({
    title: '关于夜间经济发展的调研报告',
    keywords: ['夜间经济'],
    link: { kind: 'ACHIEVEMENT', targetId: 'achievement-a4', version: 2 },
  });
  expect(await search('夜间经济')).toContain('entry-achievement-a4');
  expect(await search('冰雪旅游')).not.toContain('entry-achievement-a4');
  expect(await search('不应出现')).not.toContain('entry-achievement-a4');
  // Still one entry in the statistics BM25 reads.
  expect((await statistics())!.entries).toBe(before!.entries);
});

const sharingEventsPublished = { fullType: 'heli.sharing.catalog.entry-published.v1' };
