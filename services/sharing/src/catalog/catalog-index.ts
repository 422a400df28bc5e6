import { randomUUID } from 'node:crypto';
import type { ClientSession } from 'mongoose';
import type { SharingModels } from '../models.js';
import {
  POSTINGS_PER_CHUNK,
  type CatalogEntryRecord,
  type CatalogPostingsRecord,
} from './catalog.model.js';
import { decodePostings, encodePostings, type Posting } from './posting-codec.js';
import { termFrequencies } from './relevance.rules.js';
import { segment } from '@heli/text-search';

/** The terms of an entry: title and keywords weighted above the summary. */
export function entryTerms(entry: { title: string; summary: string; keywords: readonly string[] }) {
  return termFrequencies(
    segment([entry.title, ...entry.keywords].join(' ')),
    segment(entry.summary),
  );
}

export type IndexableEntry = Pick<
  CatalogEntryRecord,
  'docNo' | 'officeId' | 'classification' | 'publishedAt'
> &
  ReturnType<typeof entryTerms>;

/** Reserves `count` consecutive entry numbers; returns the first. */
export async function reserveDocNumbers(
  models: SharingModels,
  count: number,
  session?: ClientSession,
): Promise<number> {
  const counter = await models.catalogCounters
    .findOneAndUpdate(
      { _id: 'docNo' },
      { $inc: { value: count } },
      { upsert: true, new: true, session },
    )
    .lean();
  return counter!.value - count + 1;
}

/**
 * Adds entries to the inverted index and the corpus statistics: their postings go into the
 * open chunk of each (term, office, classification), and new chunks when that one is full. Many
 * entries at once cost one read of the open chunks and one write per chunk touched.
 */
export async function indexCatalogEntries(
  models: SharingModels,
  entries: readonly IndexableEntry[],
  session?: ClientSession,
): Promise<void> {
  const groups = new Map<
    string,
    {
      term: string;
      officeId: string;
      classification: IndexableEntry['classification'];
      postings: Posting[];
    }
  >();
  for (const entry of entries) {
    const publishedAt = Math.floor(entry.publishedAt.getTime() / 1000);
    for (const [term, termFrequency] of Object.entries(entry.termFrequencies)) {
      const key = `${term}\u0000${entry.officeId}\u0000${entry.classification}`;
      const group = groups.get(key) ?? {
        term,
        officeId: entry.officeId,
        classification: entry.classification,
        postings: [],
      };
      group.postings.push({
        docNo: entry.docNo,
        termFrequency,
        termCount: entry.termCount,
        publishedAt,
      });
      groups.set(key, group);
    }
  }
  if (groups.size === 0) return;

  const open = await models.catalogPostings
    .find({
      term: { $in: [...new Set([...groups.values()].map((g) => g.term))] },
      count: { $lt: POSTINGS_PER_CHUNK },
    })
    .session(session ?? null)
    .lean<CatalogPostingsRecord[]>();
  const openByKey = new Map(
    open.map((chunk) => [
      `${chunk.term}\u0000${chunk.officeId}\u0000${chunk.classification}`,
      chunk,
    ]),
  );

  const created: CatalogPostingsRecord[] = [];
  for (const [key, group] of groups) {
    let rest = group.postings;
    const chunk = openByKey.get(key);
    if (chunk) {
      const room = POSTINGS_PER_CHUNK - chunk.count;
      const filled = [...decodePostings(bytesOf(chunk.postings)), ...rest.slice(0, room)];
      await models.catalogPostings.updateOne(
        { _id: chunk._id },
        { $set: { postings: encodePostings(filled), count: filled.length } },
        { session },
      );
      rest = rest.slice(room);
    }
    for (let start = 0; start < rest.length; start += POSTINGS_PER_CHUNK) {
      const part = rest.slice(start, start + POSTINGS_PER_CHUNK);
      created.push({
        _id: randomUUID(),
        term: group.term,
        officeId: group.officeId,
        classification: group.classification,
        count: part.length,
        postings: encodePostings(part),
      });
    }
  }
  if (created.length > 0) await models.catalogPostings.insertMany(created, { session, lean: true });
  await addToStatistics(models, entries, session);
}

/**
 * Takes an entry out of the inverted index and the corpus statistics, as its current texts put it
 * there: its postings are dropped from every chunk of its terms. Used before the entry's new texts
 * are indexed under the same number, so a revised entry is found by its new words only.
 */
export async function unindexCatalogEntry(
  models: SharingModels,
  entry: Pick<
    CatalogEntryRecord,
    'docNo' | 'officeId' | 'classification' | 'title' | 'summary' | 'keywords'
  >,
  session?: ClientSession,
): Promise<void> {
  const { termFrequencies, termCount } = entryTerms(entry);
  const chunks = await models.catalogPostings
    .find({
      term: { $in: Object.keys(termFrequencies) },
      officeId: entry.officeId,
      classification: entry.classification,
    })
    .session(session ?? null)
    .lean<CatalogPostingsRecord[]>();
  for (const chunk of chunks) {
    const postings = decodePostings(bytesOf(chunk.postings));
    const kept = postings.filter((posting) => posting.docNo !== entry.docNo);
    if (kept.length === postings.length) continue;
    await models.catalogPostings.updateOne(
      { _id: chunk._id },
      { $set: { postings: encodePostings(kept), count: kept.length } },
      { session },
    );
  }
  await models.catalogStatistics.updateOne(
    { _id: `${entry.officeId}|${entry.classification}` },
    { $inc: { entries: -1, termCount: -termCount } },
    { session },
  );
}

/** Keeps the per-(office, classification) corpus statistics BM25 reads in step with the index. */
async function addToStatistics(
  models: SharingModels,
  entries: readonly IndexableEntry[],
  session?: ClientSession,
) {
  const buckets = new Map<
    string,
    { officeId: string; classification: string; entries: number; termCount: number }
  >();
  for (const entry of entries) {
    const key = `${entry.officeId}|${entry.classification}`;
    const bucket = buckets.get(key) ?? {
      officeId: entry.officeId,
      classification: entry.classification,
      entries: 0,
      termCount: 0,
    };
    bucket.entries += 1;
    bucket.termCount += entry.termCount;
    buckets.set(key, bucket);
  }
  for (const [key, bucket] of buckets) {
    await models.catalogStatistics.updateOne(
      { _id: key },
      {
        $setOnInsert: { officeId: bucket.officeId, classification: bucket.classification },
        $inc: { entries: bucket.entries, termCount: bucket.termCount },
      },
      { upsert: true, session },
    );
  }
}

/** A lean Buffer field arrives as a BSON Binary; its bytes are in `buffer`. */
export function bytesOf(value: Buffer | { buffer: Uint8Array }): Uint8Array {
  return value instanceof Uint8Array ? value : value.buffer;
}
