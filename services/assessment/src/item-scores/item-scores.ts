import DataLoader from 'dataloader';
import type { ScoreEntryRecord } from '../ledger/ledger.model.js';
import type { AssessmentModels } from '../models.js';
import type { ScoredItem } from '../scoring-events/scorable-events.js';

const keyOf = (item: ScoredItem) => `${item.kind}|${item.id}`;

/**
 * The ledger entries of the events about each item (`ACHIEVEMENT_USE|use-…`), in the order they
 * were recorded: one query for the events and one for their entries, however many items a
 * request asks about — a lineage of fifty uses is two reads, not a hundred.
 */
export function scoreEntriesOfItemLoader(models: AssessmentModels) {
  return new DataLoader<ScoredItem, ScoreEntryRecord[], string>(
    async (items) => {
      const events = await models.scoringEvents
        .find(
          { $or: items.map((item) => ({ 'item.kind': item.kind, 'item.id': item.id })) },
          { _id: 1, item: 1 },
        )
        .lean();
      const entries = await models.scoreEntries
        .find({ 'source.eventId': { $in: events.map((event) => event._id) } })
        .sort({ recordedAt: 1, _id: 1 })
        .lean<ScoreEntryRecord[]>();
      const itemOfEvent = new Map(events.map((event) => [event._id, keyOf(event.item!)]));
      const grouped = new Map<string, ScoreEntryRecord[]>(items.map((item) => [keyOf(item), []]));
      for (const entry of entries) {
        grouped.get(itemOfEvent.get(entry.source.eventId)!)?.push(entry);
      }
      return items.map((item) => grouped.get(keyOf(item))!);
    },
    { cacheKeyFn: keyOf },
  );
}
