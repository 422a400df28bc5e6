import { assessmentEvents } from '@heli/event-contracts';
import { Schema, type Connection, type Model } from 'mongoose';
import type { ScoredItem } from '../scoring-events/scorable-events.js';

export const INSPECTION_KINDS = assessmentEvents.INSPECTION_KINDS;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];
export const FINDING_SEVERITIES = assessmentEvents.FINDING_SEVERITIES;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

export interface InspectionFindingRecord {
  findingId: string;
  /** The finding-recorded event that carried it into the ledger. */
  eventId: string;
  item: ScoredItem | null;
  severity: FindingSeverity;
  note: string;
  inspectorStaffId: string;
  recordedAt: Date;
}

/**
 * A regular inspection (定期检查) or a spot check (不定期抽查) of one division for one period.
 * A spot check keeps the population it drew from, the seed and the sample, so the draw can be
 * repeated by anyone (`verifySpotCheck`).
 */
export interface InspectionRecord {
  _id: string;
  kind: InspectionKind;
  divisionId: string;
  period: string;
  title: string;
  status: 'OPEN' | 'COMPLETED';
  scheduledFor: Date | null;
  seed: string | null;
  population: ScoredItem[];
  sample: ScoredItem[];
  findings: InspectionFindingRecord[];
  createdByStaffId: string;
  createdAt: Date;
  completedAt: Date | null;
  completedByStaffId: string | null;
}

const itemSchema = new Schema<ScoredItem>(
  { kind: { type: String, required: true }, id: { type: String, required: true } },
  { _id: false },
);

const inspectionSchema = new Schema<InspectionRecord>(
  {
    _id: { type: String, required: true },
    kind: { type: String, enum: INSPECTION_KINDS, required: true },
    divisionId: { type: String, required: true },
    period: { type: String, required: true },
    title: { type: String, required: true, trim: true },
    status: { type: String, enum: ['OPEN', 'COMPLETED'], required: true },
    scheduledFor: { type: Date, default: null },
    seed: { type: String, default: null },
    population: { type: [itemSchema], default: [] },
    sample: { type: [itemSchema], default: [] },
    findings: {
      type: [
        new Schema<InspectionFindingRecord>(
          {
            findingId: { type: String, required: true },
            eventId: { type: String, required: true },
            item: { type: itemSchema, default: null },
            severity: { type: String, enum: FINDING_SEVERITIES, required: true },
            note: { type: String, required: true },
            inspectorStaffId: { type: String, required: true },
            recordedAt: { type: Date, required: true },
          },
          { _id: false },
        ),
      ],
      default: [],
    },
    createdByStaffId: { type: String, required: true },
    createdAt: { type: Date, required: true },
    completedAt: { type: Date, default: null },
    completedByStaffId: { type: String, default: null },
  },
  { collection: 'inspections', versionKey: false },
);
inspectionSchema.index({ divisionId: 1, period: 1 });
inspectionSchema.index({ status: 1, scheduledFor: 1 });

export type InspectionModel = Model<InspectionRecord>;

export function inspectionModel(conn: Connection): InspectionModel {
  return (
    (conn.models['Inspection'] as InspectionModel | undefined) ??
    conn.model('Inspection', inspectionSchema)
  );
}
