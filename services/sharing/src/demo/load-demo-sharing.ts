import { claimsForStaff } from '@heli/demo-data';
import type { Outbox } from '@heli/subgraph-runtime';
import { citeCatalogEntry, publishCatalogEntry } from '../catalog/catalog.commands.js';
import { actOnCirculation, startCirculation } from '../circulation/circulation.commands.js';
import { acknowledgeReading, distributeDocument } from '../distribution/distribution.commands.js';
import { registerDocument } from '../documents/documents.commands.js';
import type { DocumentRegistration } from '../documents/documents.rules.js';
import { decideInfo, submitInfo } from '../info-collection/info-collection.commands.js';
import { issueInstruction } from '../instructions/instructions.commands.js';
import type { SharingModels } from '../models.js';
import { writeSharing, type SharingWrite } from '../records/sharing-write.js';
import { demoCatalogEntries, demoDocuments, demoSubmissions } from './demo-sharing-records.js';

const HOUR = 3_600_000;
const as = claimsForStaff;

export interface DemoSharingSummary {
  documents: number;
  catalogEntries: number;
  submissions: number;
}

/**
 * Loads the demo documents, distributions (some read, some not), a circulation midway, an
 * instruction, catalogue entries and information submissions — through the same commands the
 * mutations use, so they obey the same rules and emit the same events. What exists already (by
 * its stable id) is left alone, so loading on every start changes nothing. One transaction.
 */
export function loadDemoSharing(
  scope: { models: SharingModels; outbox: Outbox },
  now: Date,
): Promise<DemoSharingSummary> {
  return writeSharing(scope, async (write) => {
    const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR);
    const existingDocuments = await idsIn(write, 'documents');
    let documents = 0;
    for (const demo of demoDocuments) {
      if (existingDocuments.has(demo.id)) continue;
      documents++;
      await registerDocument(
        write,
        as(demo.registrar),
        demo.registration as DocumentRegistration,
        at(72),
        demo.id,
      );
    }
    if (documents > 0) await followUps(write, at);

    const existingEntries = await idsIn(write, 'catalogEntries');
    let catalogEntries = 0;
    for (const demo of demoCatalogEntries) {
      if (existingEntries.has(demo.id)) continue;
      catalogEntries++;
      await publishCatalogEntry(write, as(demo.publisher), demo.entry, at(demo.hoursAgo), demo.id);
    }
    if (catalogEntries > 0) {
      await citeCatalogEntry(
        write,
        as('staff-general-1-head'),
        { entryId: 'entry-demo-research-sharing', note: '起草整合方案时借鉴' },
        at(5),
      );
    }

    const submissions =
      (await write.models.infoSubmissions.countDocuments().session(write.session)) === 0
        ? await loadSubmissions(write, at)
        : 0;
    return { documents, catalogEntries, submissions };
  });
}

/** Distributions in progress, a circulation midway and a leader's instruction. */
async function followUps(write: SharingWrite, at: (hoursAgo: number) => Date) {
  const notice = await distributeDocument(
    write,
    as('staff-secretariat-1'),
    {
      documentId: 'doc-demo-provincial-sharing',
      staffIds: ['staff-party-secretary', 'staff-director'],
      divisionIds: ['div-general-1', 'div-information', 'div-research'],
      dueAt: at(-24),
      note: '请各处室结合实际抓好落实',
    },
    at(48),
  );
  const requests = await write.models.readingRequests
    .find({ distributionId: notice._id })
    .session(write.session)
    .lean();
  const toResearch = requests.find((request) => request.recipientDivisionId === 'div-research')!;
  const toDirector = requests.find((request) => request.recipientStaffId === 'staff-director')!;
  await acknowledgeReading(
    write,
    as('staff-research-head'),
    { readingRequestId: toResearch._id, comment: '已阅，调研室将开展专题调研' },
    at(30),
  );
  await acknowledgeReading(
    write,
    as('staff-director'),
    { readingRequestId: toDirector._id },
    at(40),
  );
  await issueInstruction(
    write,
    as('staff-director'),
    {
      documentId: 'doc-demo-provincial-sharing',
      text: '请综合一处牵头，信息处配合，两周内拿出我办政务资源共享实施方案。',
      leadDivisionId: 'div-general-1',
      coDivisionIds: ['div-information'],
      deadline: at(-14 * 24),
    },
    at(39),
  );

  await distributeDocument(
    write,
    as('staff-confidential-head'),
    {
      documentId: 'doc-demo-minutes',
      staffIds: ['staff-party-secretary', 'staff-executive-deputy'],
      dueAt: at(2),
    },
    at(50),
  );

  const circulation = await startCirculation(
    write,
    as('staff-secretariat-head'),
    {
      documentId: 'doc-demo-central-secrecy',
      route: [
        'staff-director',
        'staff-executive-deputy',
        'staff-deputy-director-1',
        'staff-confidential-head',
      ],
      hopTimeLimitHours: 24,
    },
    at(60),
  );
  await actOnCirculation(
    write,
    as('staff-director'),
    circulation._id,
    { kind: 'acknowledge', comment: '请认真传达学习' },
    at(50),
  );
}

async function loadSubmissions(
  write: SharingWrite,
  at: (hoursAgo: number) => Date,
): Promise<number> {
  for (const demo of demoSubmissions) {
    const submission = await submitInfo(write, demo.submitter, demo.item, at(demo.hoursAgo));
    if (demo.decision === 'ADOPTED') {
      await decideInfo(
        write,
        as('staff-secretariat-deputy'),
        submission._id,
        { adopt: true },
        at(demo.hoursAgo - 2),
      );
    } else if (demo.decision === 'RETURNED') {
      await decideInfo(
        write,
        as('staff-secretariat-deputy'),
        submission._id,
        { adopt: false, reason: '数据口径与统计局公布数不一致，请核实后重报' },
        at(demo.hoursAgo - 2),
      );
    }
  }
  return demoSubmissions.length;
}

async function idsIn(
  write: SharingWrite,
  model: 'documents' | 'catalogEntries',
): Promise<Set<string>> {
  const collection = write.models[model].collection;
  const records = await collection
    .find({}, { projection: { _id: 1 }, session: write.session })
    .toArray();
  return new Set(records.map((record) => String(record._id)));
}
