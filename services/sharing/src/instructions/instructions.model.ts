import { Schema, type Connection, type Model } from 'mongoose';

/** A leader's 批示 on a document. */
export interface InstructionRecord {
  _id: string;
  documentId: string;
  leaderStaffId: string;
  text: string;
  leadDivisionId: string | null;
  coDivisionIds: string[];
  deadline: Date | null;
  issuedAt: Date;
}

const instructionSchema = new Schema<InstructionRecord>(
  {
    _id: { type: String, required: true },
    documentId: { type: String, required: true },
    leaderStaffId: { type: String, required: true },
    text: { type: String, required: true },
    leadDivisionId: { type: String, default: null },
    coDivisionIds: { type: [String], default: [] },
    deadline: { type: Date, default: null },
    issuedAt: { type: Date, required: true },
  },
  { collection: 'instructions', versionKey: false },
);
instructionSchema.index({ documentId: 1, issuedAt: 1 });

export type InstructionModel = Model<InstructionRecord>;

export function instructionModel(conn: Connection): InstructionModel {
  return (
    (conn.models['Instruction'] as InstructionModel | undefined) ??
    conn.model('Instruction', instructionSchema)
  );
}
