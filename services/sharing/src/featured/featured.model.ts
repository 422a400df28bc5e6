import { Schema, type Connection, type Model } from 'mongoose';

export interface FeaturedItemRef {
  kind: 'CATALOG_ENTRY' | 'INFO_SUBMISSION';
  itemId: string;
  sourceDivisionId: string | null;
}

/** A 精品交流 issue: curated entries and items, referenced by id, sent to every division. */
export interface FeaturedIssueRecord {
  _id: string;
  title: string;
  items: FeaturedItemRef[];
  documentId: string;
  distributionId: string;
  /** The office whose divisions it went to; only its people see it. */
  officeId: string;
  publishedByStaffId: string;
  publishedAt: Date;
}

const featuredIssueSchema = new Schema<FeaturedIssueRecord>(
  {
    _id: { type: String, required: true },
    title: { type: String, required: true },
    items: {
      type: [
        new Schema(
          {
            kind: { type: String, enum: ['CATALOG_ENTRY', 'INFO_SUBMISSION'], required: true },
            itemId: { type: String, required: true },
            sourceDivisionId: { type: String, default: null },
          },
          { _id: false },
        ),
      ],
      required: true,
    },
    documentId: { type: String, required: true },
    distributionId: { type: String, required: true },
    officeId: { type: String, required: true },
    publishedByStaffId: { type: String, required: true },
    publishedAt: { type: Date, required: true },
  },
  { collection: 'featured_issues', versionKey: false },
);
featuredIssueSchema.index({ officeId: 1, publishedAt: -1 });

export type FeaturedIssueModel = Model<FeaturedIssueRecord>;

export function featuredIssueModel(conn: Connection): FeaturedIssueModel {
  return (
    (conn.models['FeaturedIssue'] as FeaturedIssueModel | undefined) ??
    conn.model('FeaturedIssue', featuredIssueSchema)
  );
}
