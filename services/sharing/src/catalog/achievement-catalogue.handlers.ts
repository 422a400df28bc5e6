import type { HeliClaims } from '@heli/auth';
import { on } from '@heli/event-bus';
import { achievementEvents, createEnvelope } from '@heli/event-contracts';
import type { EventSubscription, SubgraphRuntime } from '@heli/subgraph-runtime';
import type { SharingModels } from '../models.js';
import { entryTerms, indexCatalogEntries, unindexCatalogEntry } from './catalog-index.js';
import type { CatalogEntryRecord } from './catalog.model.js';
import type { SharingWrite } from '../records/sharing-write.js';
import { publishCatalogEntry } from './catalog.commands.js';

export const ACHIEVEMENT_CATALOGUE_CONSUMER = 'sharing-achievement-catalogue';

/** The catalogue entry of an achievement: one per achievement, however often it is announced. */
export const achievementEntryId = (achievementId: string) => `entry-${achievementId}`;

/**
 * Every published achievement becomes a 查阅条目 linking back to it, so divisions find outputs
 * where they already search — one search engine, not two. The catalogue's need-to-know is the
 * office, so an achievement its division narrowed to named divisions is not listed. The entry is
 * published as the achievement's registrant in its lead division would publish it by hand, and
 * its own `catalog.entry-published` event joins the handler's transaction. A revision rewrites the
 * entry's texts and re-indexes it under the same number, so the catalogue finds the achievement by
 * what it says now; the entry keeps the achievement version it describes, so a revision handled
 * twice, or an older one after a newer, changes nothing.
 */
export function achievementCatalogueSubscription(
  runtime: SubgraphRuntime<SharingModels>,
): EventSubscription {
  return {
    consumerName: ACHIEVEMENT_CATALOGUE_CONSUMER,
    handlers: {
      ...on(achievementEvents.achievementRegistered, async (event, { session }) => {
        const a = event.data;
        if (a.restricted) return;
        const id = achievementEntryId(a.achievementId);
        if (await runtime.models.catalogEntries.exists({ _id: id }).session(session)) return;
        const publisher: HeliClaims = {
          sub: a.registeredByStaffId,
          name: a.registeredByStaffId,
          divisionId: a.leadDivisionId,
          officeId: a.officeId,
          roles: ['STAFF'],
          clearance: a.classification,
        };
        // publishCatalogEntry records its event synchronously, as in a request's transaction;
        // here the handler's transaction is the event bus's, so each event is added to it with
        // emitIn and awaited before the handler returns (and the bus commits).
        const pending: Promise<unknown>[] = [];
        const write: SharingWrite = {
          session,
          models: runtime.models,
          emit: (definition, data, opts) => {
            pending.push(runtime.outbox.emitIn(session, definition, data, opts));
            return createEnvelope(definition, data, { source: 'sharing', subject: opts.subject });
          },
        };
        await publishCatalogEntry(
          write,
          publisher,
          {
            title: a.title,
            summary: a.summary,
            keywords: a.keywords,
            classification: a.classification,
            link: { kind: 'ACHIEVEMENT', targetId: a.achievementId },
          },
          new Date(event.time),
          id,
        );
        await Promise.all(pending);
        await runtime.models.catalogEntries.updateOne(
          { _id: id },
          { $set: { 'link.version': a.version } },
          { session },
        );
      }),
      ...on(achievementEvents.achievementRevised, async ({ data: a }, { session }) => {
        const { models } = runtime;
        const entry = await models.catalogEntries
          .findOne({
            _id: achievementEntryId(a.achievementId),
            $or: [{ 'link.version': null }, { 'link.version': { $lt: a.version } }],
          })
          .session(session)
          .lean<CatalogEntryRecord>();
        // Not catalogued (restricted), or already at this version or a later one.
        if (!entry) return;
        const texts = { title: a.title, summary: a.summary, keywords: a.keywords };
        await unindexCatalogEntry(models, entry, session);
        const { termFrequencies, termCount } = entryTerms(texts);
        await indexCatalogEntries(models, [{ ...entry, termFrequencies, termCount }], session);
        await models.catalogEntries.updateOne(
          { _id: entry._id },
          { $set: { ...texts, termCount, 'link.version': a.version } },
          { session },
        );
      }),
    },
  };
}
