import { CLASSIFICATIONS, type Classification } from '@heli/auth';
import { researchEvents } from '@heli/event-contracts';
import { Schema, type Connection, type Model } from 'mongoose';

export const RESEARCH_MILESTONES = researchEvents.RESEARCH_MILESTONES;
export type ResearchMilestoneKind = (typeof RESEARCH_MILESTONES)[number];
/** 已申报 → 已确定 (or 已合并 into another) → 已结题. */
export const TOPIC_STATUSES = ['PROPOSED', 'SELECTED', 'MERGED', 'COMPLETED'] as const;
export type TopicStatus = (typeof TOPIC_STATUSES)[number];
/** What a likely duplicate is: another proposal of the period, an earlier topic, a catalogue entry. */
export const DUPLICATE_SOURCES = ['PROPOSAL', 'EARLIER_TOPIC', 'CATALOG_ENTRY'] as const;
export type DuplicateSource = (typeof DUPLICATE_SOURCES)[number];

/** 调研周期: e.g. a half year, following the committee's work plan. */
export interface ResearchPeriodRecord {
  _id: string;
  title: string;
  startsOn: Date;
  endsOn: Date;
  /** The committee's priorities for the period, which proposals name. */
  priorities: string[];
  openedByStaffId: string;
  openedAt: Date;
}

const periodSchema = new Schema<ResearchPeriodRecord>(
  {
    _id: { type: String, required: true },
    title: { type: String, required: true },
    startsOn: { type: Date, required: true },
    endsOn: { type: Date, required: true },
    priorities: { type: [String], default: [] },
    openedByStaffId: { type: String, required: true },
    openedAt: { type: Date, required: true },
  },
  { collection: 'research_periods', versionKey: false },
);
// Two periods of the same name would split one round of proposals in two.
periodSchema.index({ title: 1 }, { unique: true });
periodSchema.index({ startsOn: -1, _id: -1 });

/** A flag raised when the topic was proposed (or when a later proposal resembled it). */
export interface DuplicateFlag {
  source: DuplicateSource;
  refId: string;
  title: string;
  similarity: number;
  /** The flagged record's classification: a reader below it does not see the flag. */
  classification: Classification;
}

export interface MilestoneRecord {
  kind: ResearchMilestoneKind;
  dueAt: Date;
  reachedAt: Date | null;
  note: string;
}

export interface ResearchTopicRecord {
  _id: string;
  periodId: string;
  title: string;
  rationale: string;
  /** The committee priority it serves (one of the period's, or free text). */
  priority: string;
  classification: Classification;
  proposingDivisionId: string;
  proposedByStaffId: string;
  proposedAt: Date;
  /** jieba words, kept so later proposals are compared without segmenting every topic again. */
  titleWords: string[];
  rationaleWords: string[];
  duplicates: DuplicateFlag[];
  status: TopicStatus;
  mergedIntoTopicId: string | null;
  leadDivisionId: string | null;
  teamStaffIds: string[];
  selectedAtMeetingId: string | null;
  /** The 部署 item the selection put on the joint meeting's agenda (a matter once it closes). */
  agendaItemId: string | null;
  selectedAt: Date | null;
  milestones: MilestoneRecord[];
  reportTitle: string | null;
  reportDocumentId: string | null;
  completedAt: Date | null;
}

const topicSchema = new Schema<ResearchTopicRecord>(
  {
    _id: { type: String, required: true },
    periodId: { type: String, required: true },
    title: { type: String, required: true },
    rationale: { type: String, required: true },
    priority: { type: String, default: '' },
    classification: { type: String, enum: CLASSIFICATIONS, required: true },
    proposingDivisionId: { type: String, required: true },
    proposedByStaffId: { type: String, required: true },
    proposedAt: { type: Date, required: true },
    titleWords: { type: [String], default: [] },
    rationaleWords: { type: [String], default: [] },
    duplicates: {
      type: [
        new Schema<DuplicateFlag>(
          {
            source: { type: String, enum: DUPLICATE_SOURCES, required: true },
            refId: { type: String, required: true },
            title: { type: String, required: true },
            similarity: { type: Number, required: true },
            classification: { type: String, enum: CLASSIFICATIONS, required: true },
          },
          { _id: false },
        ),
      ],
      default: [],
    },
    status: { type: String, enum: TOPIC_STATUSES, required: true },
    mergedIntoTopicId: { type: String, default: null },
    leadDivisionId: { type: String, default: null },
    teamStaffIds: { type: [String], default: [] },
    selectedAtMeetingId: { type: String, default: null },
    agendaItemId: { type: String, default: null },
    selectedAt: { type: Date, default: null },
    milestones: {
      type: [
        new Schema<MilestoneRecord>(
          {
            kind: { type: String, enum: RESEARCH_MILESTONES, required: true },
            dueAt: { type: Date, required: true },
            reachedAt: { type: Date, default: null },
            note: { type: String, default: '' },
          },
          { _id: false },
        ),
      ],
      default: [],
    },
    reportTitle: { type: String, default: null },
    reportDocumentId: { type: String, default: null },
    completedAt: { type: Date, default: null },
  },
  { collection: 'research_topics', versionKey: false },
);
topicSchema.index({ periodId: 1, proposedAt: -1 });
topicSchema.index({ proposingDivisionId: 1, proposedAt: -1 });
topicSchema.index({ leadDivisionId: 1, proposedAt: -1 });
topicSchema.index({ teamStaffIds: 1 });
topicSchema.index({ proposedAt: -1, _id: -1 });
topicSchema.index({ mergedIntoTopicId: 1 });

/**
 * 统一调配使用调研力量: the topics each person is on now. The over-allocation check writes here
 * conditionally (`topicIds.<limit-1>` must not exist), so two selections racing for the same
 * person cannot both push them over the limit.
 */
export interface ResearcherLoadRecord {
  /** The staff id. */
  _id: string;
  topicIds: string[];
}

const loadSchema = new Schema<ResearcherLoadRecord>(
  {
    _id: { type: String, required: true },
    topicIds: { type: [String], default: [] },
  },
  { collection: 'research_loads', versionKey: false },
);

/** Catalogue entries as sharing announced them, for duplicate checks (never sharing's database). */
export interface CatalogTopicRecord {
  /** The entry id. */
  _id: string;
  title: string;
  titleWords: string[];
  classification: Classification;
  sourceDivisionId: string;
  publishedAt: Date;
}

const catalogTopicSchema = new Schema<CatalogTopicRecord>(
  {
    _id: { type: String, required: true },
    title: { type: String, required: true },
    titleWords: { type: [String], default: [] },
    classification: { type: String, enum: CLASSIFICATIONS, required: true },
    sourceDivisionId: { type: String, required: true },
    publishedAt: { type: Date, required: true },
  },
  { collection: 'research_catalog_entries', versionKey: false },
);
catalogTopicSchema.index({ publishedAt: -1 });

export type ResearchPeriodModel = Model<ResearchPeriodRecord>;
export type ResearchTopicModel = Model<ResearchTopicRecord>;
export type ResearcherLoadModel = Model<ResearcherLoadRecord>;
export type CatalogTopicModel = Model<CatalogTopicRecord>;

const register = <T>(conn: Connection, name: string, schema: Schema<T>): Model<T> =>
  (conn.models[name] as Model<T> | undefined) ?? conn.model<T>(name, schema);

export function researchModels(conn: Connection) {
  return {
    researchPeriods: register(conn, 'ResearchPeriod', periodSchema),
    researchTopics: register(conn, 'ResearchTopic', topicSchema),
    researcherLoads: register(conn, 'ResearcherLoad', loadSchema),
    catalogTopics: register(conn, 'CatalogTopic', catalogTopicSchema),
  };
}

/** `ResearcherLoad` as resolved: a person, the topics they are on now, and the limit. */
export interface ResearcherLoadView {
  staffId: string;
  topicIds: string[];
  limit: number;
}
