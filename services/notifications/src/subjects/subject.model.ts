import { CLASSIFICATIONS, type Classification } from '@heli/auth';
import { Schema, type Connection, type Model } from 'mongoose';

/** What a notification can be about, and where the console opens it. */
export const SUBJECT_KINDS = ['MATTER', 'DOCUMENT', 'CIRCULATION', 'DIFFICULTY'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/**
 * What the later events about a thing do not carry but its notifications need: its title and
 * classification (an escalation names no title), and the people it concerns (a resolved difficulty
 * names only its resolver). Kept from the event that created the thing; `_id` is `<kind>:<id>`.
 */
export interface SubjectRecord {
  _id: string;
  kind: SubjectKind;
  title: string;
  classification: Classification;
  /** A matter's lead division, a difficulty's division. */
  divisionId: string | null;
  /** A matter's 责任人 and its assigner; a difficulty's raiser. */
  staffIds: string[];
}

const subjectSchema = new Schema<SubjectRecord>(
  {
    _id: { type: String, required: true },
    kind: { type: String, enum: SUBJECT_KINDS, required: true },
    title: { type: String, required: true },
    classification: { type: String, enum: CLASSIFICATIONS, required: true },
    divisionId: { type: String, default: null },
    staffIds: { type: [String], default: [] },
  },
  { collection: 'subjects', versionKey: false },
);

export type SubjectModel = Model<SubjectRecord>;

export const subjectKey = (kind: SubjectKind, id: string): string => `${kind}:${id}`;

export function subjectModel(conn: Connection): SubjectModel {
  return (
    (conn.models['Subject'] as SubjectModel | undefined) ?? conn.model('Subject', subjectSchema)
  );
}
