import { CLASSIFICATIONS, type Classification } from '@heli/auth';
import { Schema, type Connection, type Model } from 'mongoose';

/**
 * Achievement's copy of the organisation, kept from responsibility's events: enough to check that
 * named divisions and authors exist and to narrow a caller to what the directory says of them now.
 */
export interface DirectoryDivisionRecord {
  _id: string;
  officeId: string;
  name: string;
  headStaffId: string | null;
}

export interface DirectoryStaffRecord {
  _id: string;
  officeId: string;
  divisionId: string | null;
  name: string;
  clearance: Classification;
  active: boolean;
}

const divisionSchema = new Schema<DirectoryDivisionRecord>(
  {
    _id: { type: String, required: true },
    officeId: { type: String, required: true },
    name: { type: String, required: true },
    headStaffId: { type: String, default: null },
  },
  { collection: 'directory_divisions', versionKey: false },
);

const staffSchema = new Schema<DirectoryStaffRecord>(
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

export type DirectoryDivisionModel = Model<DirectoryDivisionRecord>;
export type DirectoryStaffModel = Model<DirectoryStaffRecord>;

export function directoryDivisionModel(conn: Connection): DirectoryDivisionModel {
  return (
    (conn.models['DirectoryDivision'] as DirectoryDivisionModel | undefined) ??
    conn.model('DirectoryDivision', divisionSchema)
  );
}

export function directoryStaffModel(conn: Connection): DirectoryStaffModel {
  return (
    (conn.models['DirectoryStaff'] as DirectoryStaffModel | undefined) ??
    conn.model('DirectoryStaff', staffSchema)
  );
}
