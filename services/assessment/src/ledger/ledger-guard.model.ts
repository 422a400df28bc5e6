import { Schema, type ClientSession, type Connection, type Model } from 'mongoose';

/**
 * One record per score (and per year for recomputes) that every write deciding from the score's
 * standing touches inside its transaction. The ledger is append-only, so two transactions that read
 * the same entries and each append one would otherwise both commit (a lost update: correcting 2 to 5
 * twice at once ended at 8). Touching one record makes the second a write conflict; it is retried
 * and then reads the first one's entry.
 */
export interface LedgerGuardRecord {
  /** `score:<scoreKey>:<divisionId>` or `recompute:<year>`. */
  _id: string;
  writes: number;
}

const ledgerGuardSchema = new Schema<LedgerGuardRecord>(
  { _id: { type: String, required: true }, writes: { type: Number, required: true } },
  { collection: 'ledger_guards', versionKey: false },
);

export function ledgerGuardModel(conn: Connection): Model<LedgerGuardRecord> {
  return conn.model<LedgerGuardRecord>('LedgerGuard', ledgerGuardSchema);
}

/** Claims the right to append to `key`'s entries in this transaction (see LedgerGuardRecord). */
export async function guardLedgerWrite(
  guards: Model<LedgerGuardRecord>,
  key: string,
  session: ClientSession,
): Promise<void> {
  await guards.updateOne({ _id: key }, { $inc: { writes: 1 } }, { upsert: true, session });
}
