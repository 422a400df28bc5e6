import { achievementEvents } from '@heli/event-contracts';
import { Schema, type Connection, type Model } from 'mongoose';

export const { USE_KINDS } = achievementEvents;
export type UseKind = (typeof USE_KINDS)[number];
export const USE_STATUSES = ['CLAIMED', 'CONFIRMED', 'DISPUTED'] as const;
export type UseStatus = (typeof USE_STATUSES)[number];
/** What a division points at to show its use: its own document, matter, case or achievement. */
export const EVIDENCE_KINDS = [
  'DOCUMENT',
  'MATTER',
  'WORKFLOW_CASE',
  'ACHIEVEMENT',
  'OTHER',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** A division's use (借鉴/应用/转化) of another division's achievement. */
export interface UseRecord {
  _id: string;
  achievementId: string;
  kind: UseKind;
  purpose: string;
  evidence: { kind: EvidenceKind; id: string } | null;
  /** The achievement's lead division: it confirms or disputes, and it scores. */
  providerDivisionId: string;
  userDivisionId: string;
  status: UseStatus;
  claimedByStaffId: string;
  claimedAt: Date;
  decidedByStaffId: string | null;
  decidedAt: Date | null;
  disputeReason: string | null;
}

const useSchema = new Schema<UseRecord>(
  {
    _id: { type: String, required: true },
    achievementId: { type: String, required: true },
    kind: { type: String, enum: USE_KINDS, required: true },
    purpose: { type: String, required: true },
    evidence: {
      type: new Schema(
        {
          kind: { type: String, enum: EVIDENCE_KINDS, required: true },
          id: { type: String, required: true },
        },
        { _id: false },
      ),
      default: null,
    },
    providerDivisionId: { type: String, required: true },
    userDivisionId: { type: String, required: true },
    status: { type: String, enum: USE_STATUSES, required: true },
    claimedByStaffId: { type: String, required: true },
    claimedAt: { type: Date, required: true },
    decidedByStaffId: { type: String, default: null },
    decidedAt: { type: Date, default: null },
    disputeReason: { type: String, default: null },
  },
  { collection: 'achievement_uses', versionKey: false },
);
// One use of each kind per achievement and using division, also when two people claim it at
// once: the division scores the provider for being used, not for how often it says so.
useSchema.index({ achievementId: 1, userDivisionId: 1, kind: 1 }, { unique: true });
useSchema.index({ providerDivisionId: 1, status: 1, decidedAt: 1 });
useSchema.index({ userDivisionId: 1, status: 1, decidedAt: 1 });

export type UseModel = Model<UseRecord>;

export function useModel(conn: Connection): UseModel {
  return (
    (conn.models['AchievementUse'] as UseModel | undefined) ??
    conn.model('AchievementUse', useSchema)
  );
}
