import { CLASSIFICATIONS, type Classification } from '@heli/auth';
import { achievementEvents } from '@heli/event-contracts';
import { Schema, type Connection, type Model } from 'mongoose';

export const { ACHIEVEMENT_KINDS, ORIGIN_KINDS } = achievementEvents;
export type AchievementKind = (typeof ACHIEVEMENT_KINDS)[number];
export type OriginKind = (typeof ORIGIN_KINDS)[number];
export const ACHIEVEMENT_STATUSES = ['DRAFT', 'PUBLISHED'] as const;
export type AchievementStatus = (typeof ACHIEVEMENT_STATUSES)[number];

export interface OriginRef {
  kind: OriginKind;
  id: string;
}

/**
 * A 成果 as it is now (its latest version). Earlier versions are kept whole in
 * `achievement_versions`; `version` here is the latest one's number.
 */
export interface AchievementRecord {
  _id: string;
  officeId: string;
  status: AchievementStatus;
  kind: AchievementKind;
  title: string;
  summary: string;
  body: string | null;
  /** A sharing `Document` holding the full text, when there is one. */
  documentId: string | null;
  keywords: string[];
  classification: Classification;
  /** Need-to-know narrowed to these divisions; empty: the whole office. */
  restrictedTo: string[];
  leadDivisionId: string;
  coDivisionIds: string[];
  /** Lead and co-divisions together, for the visibility filter. */
  divisionIds: string[];
  authorStaffIds: string[];
  origin: OriginRef | null;
  version: number;
  createdByStaffId: string;
  createdAt: Date;
  publishedAt: Date | null;
  updatedAt: Date;
}

export interface AchievementVersionRecord {
  /** `<achievementId>@<version>`: one record per version, however often a revision is retried. */
  _id: string;
  achievementId: string;
  version: number;
  kind: AchievementKind;
  title: string;
  summary: string;
  body: string | null;
  documentId: string | null;
  keywords: string[];
  note: string;
  byStaffId: string;
  at: Date;
}

const originSchema = new Schema<OriginRef>(
  {
    kind: { type: String, enum: ORIGIN_KINDS, required: true },
    id: { type: String, required: true },
  },
  { _id: false },
);

const achievementSchema = new Schema<AchievementRecord>(
  {
    _id: { type: String, required: true },
    officeId: { type: String, required: true },
    status: { type: String, enum: ACHIEVEMENT_STATUSES, required: true },
    kind: { type: String, enum: ACHIEVEMENT_KINDS, required: true },
    title: { type: String, required: true },
    summary: { type: String, required: true },
    body: { type: String, default: null },
    documentId: { type: String, default: null },
    keywords: { type: [String], default: [] },
    classification: { type: String, enum: CLASSIFICATIONS, required: true },
    restrictedTo: { type: [String], default: [] },
    leadDivisionId: { type: String, required: true },
    coDivisionIds: { type: [String], default: [] },
    divisionIds: { type: [String], required: true },
    authorStaffIds: { type: [String], default: [] },
    origin: { type: originSchema, default: null },
    version: { type: Number, required: true },
    createdByStaffId: { type: String, required: true },
    createdAt: { type: Date, required: true },
    publishedAt: { type: Date, default: null },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'achievements', versionKey: false },
);
achievementSchema.index({ divisionIds: 1, createdAt: -1 });
achievementSchema.index({ 'origin.id': 1 });
achievementSchema.index({ officeId: 1, createdAt: -1 });

const versionSchema = new Schema<AchievementVersionRecord>(
  {
    _id: { type: String, required: true },
    achievementId: { type: String, required: true },
    version: { type: Number, required: true },
    kind: { type: String, enum: ACHIEVEMENT_KINDS, required: true },
    title: { type: String, required: true },
    summary: { type: String, required: true },
    body: { type: String, default: null },
    documentId: { type: String, default: null },
    keywords: { type: [String], default: [] },
    note: { type: String, required: true },
    byStaffId: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'achievement_versions', versionKey: false },
);
versionSchema.index({ achievementId: 1, version: 1 });

export type AchievementModel = Model<AchievementRecord>;
export type AchievementVersionModel = Model<AchievementVersionRecord>;

export function achievementModel(conn: Connection): AchievementModel {
  return (
    (conn.models['Achievement'] as AchievementModel | undefined) ??
    conn.model('Achievement', achievementSchema)
  );
}

export function achievementVersionModel(conn: Connection): AchievementVersionModel {
  return (
    (conn.models['AchievementVersion'] as AchievementVersionModel | undefined) ??
    conn.model('AchievementVersion', versionSchema)
  );
}
