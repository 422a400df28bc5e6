import { Schema, type Connection, type Model } from 'mongoose';

/**
 * The part of the organisation notifications need, kept from responsibility's events: who heads a
 * division (a matter for a division reaches its head) and who works in it (a document sent to a
 * division reaches its people). Clearance is not kept: it is checked against the reader's token
 * when a notification is read, so a lowered clearance hides titles at once.
 */
export interface DirectoryDivisionRecord {
  _id: string;
  headStaffId: string | null;
}

export interface DirectoryStaffRecord {
  _id: string;
  divisionId: string | null;
  active: boolean;
}

const directoryDivisionSchema = new Schema<DirectoryDivisionRecord>(
  {
    _id: { type: String, required: true },
    headStaffId: { type: String, default: null },
  },
  { collection: 'directory_divisions', versionKey: false },
);

const directoryStaffSchema = new Schema<DirectoryStaffRecord>(
  {
    _id: { type: String, required: true },
    divisionId: { type: String, default: null },
    active: { type: Boolean, required: true },
  },
  { collection: 'directory_staff', versionKey: false },
);
directoryStaffSchema.index({ divisionId: 1, active: 1 });

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
