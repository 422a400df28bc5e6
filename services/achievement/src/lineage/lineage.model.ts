import { CLASSIFICATIONS, type Classification } from '@heli/auth';
import { Schema, type Connection, type Model } from 'mongoose';

export const LINEAGE_ORIGIN_KINDS = ['MEETING_DECISION', 'INSTRUCTION'] as const;
export type LineageOriginKind = (typeof LINEAGE_ORIGIN_KINDS)[number];

/**
 * What started a piece of work — a meeting decision (interaction) or a leader's instruction
 * (sharing) — as their events describe it. Kept here so a lineage is one read in this subgraph,
 * and so its hop is filtered by the classification its owner gave it.
 */
export interface WorkOriginRecord {
  _id: string;
  kind: LineageOriginKind;
  /** The meeting's or the document's title. */
  title: string;
  text: string;
  classification: Classification;
  leadDivisionId: string | null;
  at: Date;
}

/** An assigned matter as responsibility's events describe it: what it came from, and its state. */
export interface MatterRefRecord {
  _id: string;
  title: string;
  source: string;
  sourceRef: string | null;
  parentAssignmentId: string | null;
  classification: Classification;
  leadDivisionId: string;
  coDivisionIds: string[];
  responsibleStaffIds: string[];
  createdAt: Date;
  completedAt: Date | null;
}

const originSchema = new Schema<WorkOriginRecord>(
  {
    _id: { type: String, required: true },
    kind: { type: String, enum: LINEAGE_ORIGIN_KINDS, required: true },
    title: { type: String, required: true },
    text: { type: String, required: true },
    classification: { type: String, enum: CLASSIFICATIONS, required: true },
    leadDivisionId: { type: String, default: null },
    at: { type: Date, required: true },
  },
  { collection: 'lineage_origins', versionKey: false },
);

const matterSchema = new Schema<MatterRefRecord>(
  {
    _id: { type: String, required: true },
    title: { type: String, required: true },
    source: { type: String, required: true },
    sourceRef: { type: String, default: null },
    parentAssignmentId: { type: String, default: null },
    classification: { type: String, enum: CLASSIFICATIONS, required: true },
    leadDivisionId: { type: String, required: true },
    coDivisionIds: { type: [String], default: [] },
    responsibleStaffIds: { type: [String], default: [] },
    createdAt: { type: Date, required: true },
    completedAt: { type: Date, default: null },
  },
  { collection: 'lineage_matters', versionKey: false },
);
matterSchema.index({ sourceRef: 1, createdAt: 1 });
matterSchema.index({ parentAssignmentId: 1, createdAt: 1 });

export type WorkOriginModel = Model<WorkOriginRecord>;
export type MatterRefModel = Model<MatterRefRecord>;

export function workOriginModel(conn: Connection): WorkOriginModel {
  return (
    (conn.models['WorkOrigin'] as WorkOriginModel | undefined) ??
    conn.model('WorkOrigin', originSchema)
  );
}

export function matterRefModel(conn: Connection): MatterRefModel {
  return (
    (conn.models['MatterRef'] as MatterRefModel | undefined) ??
    conn.model('MatterRef', matterSchema)
  );
}
