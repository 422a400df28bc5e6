import { Schema, type Connection, type Model } from 'mongoose';

/**
 * The divisions responsibility announced (organisation.division.created/updated), so a division
 * with no score yet still appears on the leaderboard, ranked with 0.
 */
export interface KnownDivisionRecord {
  _id: string;
  officeId: string;
  name: string;
}

const knownDivisionSchema = new Schema<KnownDivisionRecord>(
  {
    _id: { type: String, required: true },
    officeId: { type: String, required: true },
    name: { type: String, required: true },
  },
  { collection: 'known_divisions', versionKey: false },
);

export type KnownDivisionModel = Model<KnownDivisionRecord>;

export function knownDivisionModel(conn: Connection): KnownDivisionModel {
  return (
    (conn.models['KnownDivision'] as KnownDivisionModel | undefined) ??
    conn.model('KnownDivision', knownDivisionSchema)
  );
}
