import { Schema, type Connection, type Model } from 'mongoose';

/**
 * A GraphQL query an analyst keeps to run again. It belongs to its owner (only they change or
 * delete it); shared, it is visible to everyone in the owner's office. Running it is not this
 * service's business: the console sends it to the gateway with the runner's own token, so access
 * rules and query limits apply as for any query.
 */
export interface SavedQueryRecord {
  _id: string;
  officeId: string;
  ownerStaffId: string;
  /** The owner's name as their token carried it when they last saved, shown to colleagues. */
  ownerName: string;
  name: string;
  description: string;
  /** The GraphQL document: one query operation, fragments allowed. */
  document: string;
  /** The variables as JSON object text, `{}` when there are none. */
  variables: string;
  shared: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const savedQuerySchema = new Schema<SavedQueryRecord>(
  {
    _id: { type: String, required: true },
    officeId: { type: String, required: true },
    ownerStaffId: { type: String, required: true },
    ownerName: { type: String, required: true },
    name: { type: String, required: true },
    description: { type: String, default: '' },
    document: { type: String, required: true },
    variables: { type: String, default: '{}' },
    shared: { type: Boolean, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'saved_queries', versionKey: false },
);
// A person's names are unique, so "日报统计" means one query to them; the index makes it hold
// under concurrent saves.
savedQuerySchema.index({ ownerStaffId: 1, name: 1 }, { unique: true });
// My queries and my office's shared ones, most recently changed first.
savedQuerySchema.index({ ownerStaffId: 1, updatedAt: -1, _id: -1 });
savedQuerySchema.index({ officeId: 1, shared: 1, updatedAt: -1, _id: -1 });

export type SavedQueryModel = Model<SavedQueryRecord>;

export function savedQueryModel(conn: Connection): SavedQueryModel {
  return (
    (conn.models['SavedQuery'] as SavedQueryModel | undefined) ??
    conn.model('SavedQuery', savedQuerySchema)
  );
}
