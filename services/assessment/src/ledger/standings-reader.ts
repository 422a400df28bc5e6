import DataLoader from 'dataloader';
import type { mongo } from 'mongoose';
import type { AssessmentModels } from '../models.js';
import type { DivisionStandingRecord } from './division-standings.model.js';

/** What a score needs of a standing; ranks are read by the ranking, not here. */
export type StandingTotalsRecord = Pick<DivisionStandingRecord, '_id' | 'total' | 'points'>;

/** The most standings one read asks for; more wait for the next. */
const MAX_IDS_PER_READ = 1_000;

const readers = new WeakMap<AssessmentModels, DataLoader<string, StandingTotalsRecord | null>>();

/**
 * Reads standings by id for every request in flight: the ids the requests of one turn of the
 * event loop ask for become one `find` of the projection. Under load the gateway's `_entities`
 * calls for `Division.score` arrive many at a time, each needing one small read; one command for
 * all of them instead of one each is fewer round trips for this process and for the database.
 *
 * Not a cache: nothing is kept once a read has answered (`cache: false`), and a read is sent
 * only after every request it serves had arrived (at the end of the turn, `setImmediate`), so an
 * answer is never older than what the database held when its request came in — the consumer's
 * last committed write included. Standings are the same for every caller (totals and ranks are
 * for everybody), so requests of different callers may share a read.
 *
 * The driver's own collection, under neither a mongoose query nor mongoose's collection wrapper
 * (each a few percent of such a request's CPU): the documents are the projection's own, read as
 * stored. Whole: a projection to the score's fields made the embedded MongoDB run its `$project`
 * machinery per read, five times the database CPU of sending the few extra fields. Each id once,
 * however many requests ask for it.
 */
export function standingsReader(
  models: AssessmentModels,
): DataLoader<string, StandingTotalsRecord | null> {
  let reader = readers.get(models);
  if (!reader) {
    const model = models.divisionStandings;
    // Looked up at the first read: the connection's driver database exists once it has opened.
    let collection: mongo.Collection<DivisionStandingRecord> | undefined;
    reader = new DataLoader<string, StandingTotalsRecord | null>(
      async (ids) => {
        collection ??= model.db.db!.collection<DivisionStandingRecord>(
          model.collection.collectionName,
        );
        const found = await collection
          .find<StandingTotalsRecord>({ _id: { $in: [...new Set(ids)] } })
          .toArray();
        const byId = new Map(found.map((standing) => [standing._id, standing]));
        return ids.map((id) => byId.get(id) ?? null);
      },
      {
        cache: false,
        maxBatchSize: MAX_IDS_PER_READ,
        batchScheduleFn: (read) => setImmediate(read),
      },
    );
    readers.set(models, reader);
  }
  return reader;
}
