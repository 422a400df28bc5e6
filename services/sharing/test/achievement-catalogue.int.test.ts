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

const sharingEventsPublished = { fullType: 'heli.sharing.catalog.entry-published.v1' };
