import { CLASSIFICATIONS, type Classification } from '@heli/auth';
import { Schema, type Connection, type Model } from 'mongoose';

export const CATALOG_LINK_KINDS = ['DOCUMENT', 'ACHIEVEMENT', 'EXTERNAL'] as const;
export type CatalogLinkKind = (typeof CATALOG_LINK_KINDS)[number];

/**
 * A 查阅条目. `docNo` is its number in the inverted index (`catalog_postings`), `termCount` its
 * length in terms for BM25.
 */
export interface CatalogEntryRecord {
  _id: string;
  docNo: number;
  title: string;
  summary: string;
  keywords: string[];
  officeId: string;
  sourceDivisionId: string;
  classification: Classification;
  /** What the entry points at; `version`: the version of an achievement it describes (1 if absent). */
  link: { kind: CatalogLinkKind; targetId: string; version?: number } | null;
  publishedByStaffId: string;
  publishedAt: Date;
  openCount: number;
  citationCount: number;
  termCount: number;
}

const catalogEntrySchema = new Schema<CatalogEntryRecord>(
  {
    _id: { type: String, required: true },
    docNo: { type: Number, required: true },
    title: { type: String, required: true },
    summary: { type: String, required: true },
    keywords: { type: [String], default: [] },
    officeId: { type: String, required: true },
    sourceDivisionId: { type: String, required: true },
    classification: { type: String, enum: CLASSIFICATIONS, required: true },
    link: {
      type: new Schema(
        {
          kind: { type: String, enum: CATALOG_LINK_KINDS, required: true },
          targetId: { type: String, required: true },
          version: { type: Number },
        },
        { _id: false },
      ),
      default: null,
    },
    publishedByStaffId: { type: String, required: true },
    publishedAt: { type: Date, required: true },
    openCount: { type: Number, default: 0 },
    citationCount: { type: Number, default: 0 },
    termCount: { type: Number, required: true },
  },
  { collection: 'catalog_entries', versionKey: false },
);
catalogEntrySchema.index({ docNo: 1 }, { unique: true });
catalogEntrySchema.index({ sourceDivisionId: 1, publishedAt: -1 });
catalogEntrySchema.index({ publishedAt: -1, _id: -1 });

export type CatalogEntryModel = Model<CatalogEntryRecord>;

export function catalogEntryModel(conn: Connection): CatalogEntryModel {
  return (
    (conn.models['CatalogEntry'] as CatalogEntryModel | undefined) ??
    conn.model('CatalogEntry', catalogEntrySchema)
  );
}

/**
 * The inverted index: for each term and visibility bucket (office, classification), chunks of
 * packed postings (see posting-codec.ts). Because postings carry the same `officeId` and
 * `classification` as the entries, the catalogue's one visibility filter selects exactly the
 * postings a reader may see — before anything is counted or ranked.
 */
export interface CatalogPostingsRecord {
  _id: string;
  term: string;
  officeId: string;
  classification: Classification;
  /** Postings in this chunk; a chunk is closed at POSTINGS_PER_CHUNK. */
  count: number;
  postings: Buffer;
}

export const POSTINGS_PER_CHUNK = 4_096;

const catalogPostingsSchema = new Schema<CatalogPostingsRecord>(
  {
    _id: { type: String, required: true },
    term: { type: String, required: true },
    officeId: { type: String, required: true },
    classification: { type: String, enum: CLASSIFICATIONS, required: true },
    count: { type: Number, required: true },
    postings: { type: Buffer, required: true },
  },
  { collection: 'catalog_postings', versionKey: false },
);
catalogPostingsSchema.index({ term: 1, officeId: 1, classification: 1 });

export type CatalogPostingsModel = Model<CatalogPostingsRecord>;

export function catalogPostingsModel(conn: Connection): CatalogPostingsModel {
  return (
    (conn.models['CatalogPostings'] as CatalogPostingsModel | undefined) ??
    conn.model('CatalogPostings', catalogPostingsSchema)
  );
}

/** Hands out `docNo`s: one counter document, incremented in the publishing transaction. */
export interface CatalogCounterRecord {
  _id: string;
  value: number;
}

const catalogCounterSchema = new Schema<CatalogCounterRecord>(
  { _id: { type: String, required: true }, value: { type: Number, required: true } },
  { collection: 'catalog_counters', versionKey: false },
);

export type CatalogCounterModel = Model<CatalogCounterRecord>;

export function catalogCounterModel(conn: Connection): CatalogCounterModel {
  return (
    (conn.models['CatalogCounter'] as CatalogCounterModel | undefined) ??
    conn.model('CatalogCounter', catalogCounterSchema)
  );
}

/**
 * Corpus statistics for BM25 per (office, classification), so a search can add up exactly the
 * buckets the reader may see — filtered by the same visibility rule as the entries.
 */
export interface CatalogStatisticsRecord {
  _id: string;
  officeId: string;
  classification: Classification;
  entries: number;
  termCount: number;
}

const catalogStatisticsSchema = new Schema<CatalogStatisticsRecord>(
  {
    _id: { type: String, required: true },
    officeId: { type: String, required: true },
    classification: { type: String, enum: CLASSIFICATIONS, required: true },
    entries: { type: Number, required: true },
    termCount: { type: Number, required: true },
  },
  { collection: 'catalog_statistics', versionKey: false },
);

export type CatalogStatisticsModel = Model<CatalogStatisticsRecord>;

export function catalogStatisticsModel(conn: Connection): CatalogStatisticsModel {
  return (
    (conn.models['CatalogStatistics'] as CatalogStatisticsModel | undefined) ??
    conn.model('CatalogStatistics', catalogStatisticsSchema)
  );
}

/** Someone opened (查阅) or cited (借鉴引用) an entry. */
export interface CatalogUseRecord {
  _id: string;
  kind: 'OPENED' | 'CITED';
  entryId: string;
  staffId: string;
  divisionId: string | null;
  note: string | null;
  at: Date;
}

/** A 借鉴引用: the rules let only a division cite, so a citation always has its citing division. */
export interface CatalogCitationRecord extends CatalogUseRecord {
  kind: 'CITED';
  divisionId: string;
}

const catalogUseSchema = new Schema<CatalogUseRecord>(
  {
    _id: { type: String, required: true },
    kind: { type: String, enum: ['OPENED', 'CITED'], required: true },
    entryId: { type: String, required: true },
    staffId: { type: String, required: true },
    divisionId: { type: String, default: null },
    note: { type: String, default: null },
    at: { type: Date, required: true },
  },
  { collection: 'catalog_uses', versionKey: false },
);
catalogUseSchema.index({ entryId: 1, kind: 1, at: -1 });

export type CatalogUseModel = Model<CatalogUseRecord>;

export function catalogUseModel(conn: Connection): CatalogUseModel {
  return (
    (conn.models['CatalogUse'] as CatalogUseModel | undefined) ??
    conn.model('CatalogUse', catalogUseSchema)
  );
}
