import { CLASSIFICATIONS, compareClassification } from '@heli/auth';
import type { Link } from '../links/links.config.js';
import { escalationOf, progressOf } from '../matters/matters.rules.js';
import type { LiaisonModels } from '../models.js';
import type { PublishedMatter, PublishedReport, ViewAnswer } from './published-view.js';

const MAX_ITEMS = 1_000;

/**
 * What this (lower) office has published to the higher office at the other end of `link`, read
 * from its own records of what it sent there: the matters that office assigned here with the
 * updates sent up about them, and the documents sent to it — never anything else of this office,
 * and nothing above the link's classification.
 */
export async function publishedTo(
  models: LiaisonModels,
  link: Link,
): Promise<Pick<ViewAnswer, 'matters' | 'reports'>> {
  const classification = {
    $in: CLASSIFICATIONS.filter(
      (level) => compareClassification(level, link.maxClassification) <= 0,
    ),
  };
  const [matterRecords, reportRecords] = await Promise.all([
    models.officeAssignments
      .find({ side: 'RECEIVED_FROM_HIGHER', officeId: link.officeId, classification })
      .sort({ assignedAt: -1, _id: -1 })
      .limit(MAX_ITEMS)
      .lean(),
    models.documents
      .find({ box: 'OUTGOING', 'deliveries.officeId': link.officeId, classification })
      .sort({ sentAt: -1, _id: -1 })
      .limit(MAX_ITEMS)
      .lean(),
  ]);
  const matters = matterRecords.map((matter): PublishedMatter => ({
    id: matter._id,
    title: matter.title,
    classification: matter.classification,
    deadline: matter.deadline.toISOString(),
    reportFrequency: matter.reportFrequency,
    status: matter.status,
    assignedAt: matter.assignedAt.toISOString(),
    progress: progressOf(matter.status, matter.updates),
    escalation: escalationOf(matter.updates),
    updates: matter.updates.map((update) => ({
      type: update.type,
      at: update.at.toISOString(),
      percent: update.percent,
      onSchedule: update.onSchedule,
      onTime: update.onTime,
      level: update.level,
    })),
  }));
  const reports = reportRecords.map((document): PublishedReport => ({
    id: document._id,
    kind: document.kind,
    documentNumber: document.documentNumber,
    title: document.title,
    classification: document.classification,
    writtenOn: document.writtenOn,
    sentAt: document.sentAt.toISOString(),
  }));
  return { matters, reports };
}
