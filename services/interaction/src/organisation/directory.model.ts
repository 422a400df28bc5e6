import { CLASSIFICATIONS, type Classification } from '@heli/auth';
import { Schema, type Connection, type Model } from 'mongoose';

/**
 * Interaction's own copy of the organisation, kept from responsibility's events: which divisions
 * exist (a meeting or a matter naming an unknown one is refused), who heads them (the lead
 * division's head changes a research team) and each person's division, clearance and whether they
 * are still active (who may sign in, be pooled into a research team, or read a meeting).
 */
export interface DirectoryDivisionRecord {
  _id: string;
  officeId: string;
  name: string;
  kind: 'DIVISION' | 'SECRETARIAT';
  headStaffId: string | null;
}

const directoryDivisionSchema = new Schema<DirectoryDivisionRecord>(
  {
    _id: { type: String, required: true },
    officeId: { type: String, required: true },
    name: { type: String, required: true },
    kind: { type: String, enum: ['DIVISION', 'SECRETARIAT'], required: true },
    headStaffId: { type: String, default: null },
  },
  { collection: 'directory_divisions', versionKey: false },
);
directoryDivisionSchema.index({ officeId: 1 });

export interface DirectoryStaffRecord {
  _id: string;
  officeId: string;
  divisionId: string | null;
  name: string;
  clearance: Classification;
  active: boolean;
}

const directoryStaffSchema = new Schema<DirectoryStaffRecord>(
  {
    _id: { type: String, required: true },
    officeId: { type: String, required: true },
    divisionId: { type: String, default: null },
    name: { type: String, required: true },
    clearance: { type: String, enum: CLASSIFICATIONS, required: true },
    active: { type: Boolean, required: true },
  },
  { collection: 'directory_staff', versionKey: false },
);

directoryStaffSchema.index({ divisionId: 1 });

export type DirectoryDivisionModel = Model<DirectoryDivisionRecord>;
export type DirectoryStaffModel = Model<DirectoryStaffRecord>;

export function directoryDivisionModel(conn: Connection): DirectoryDivisionModel {
  return (
    (conn.models['DirectoryDivision'] as DirectoryDivisionModel | undefined) ??
    conn.model('DirectoryDivision', directoryDivisionSchema)
  );
}

export function directoryStaffModel(conn: Connection): DirectoryStaffModel {
  return (
    (conn.models['DirectoryStaff'] as DirectoryStaffModel | undefined) ??
    conn.model('DirectoryStaff', directoryStaffSchema)
  );
}
