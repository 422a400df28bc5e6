import type { HeliClaims } from '@heli/auth';
import { sharingEvents } from '@heli/event-contracts';
import { badInput, conflict, forbidden, notFound, rejectProblems } from '@heli/subgraph-runtime';
import { startCirculation } from '../circulation/circulation.commands.js';
import { distributeDocument } from '../distribution/distribution.commands.js';
import { registerDocument } from '../documents/documents.commands.js';
import { newEntityId } from '../records/entity-id.js';
import type { SharingWrite } from '../records/sharing-write.js';
import type { InfoDigestRecord, InfoSubmissionRecord } from './info-collection.model.js';
import {
  adoptionRefusal,
  decisionProblem,
  digestBody,
  returnReasonProblem,
  submissionProblems,
} from './info-collection.rules.js';

const HOUR = 3_600_000;

/** Who a submission speaks for, as the event contract has it. */
function submissionEventData(submission: InfoSubmissionRecord) {
  return {
    submissionId: submission._id,
    title: submission.title,
    submitterDivisionId: submission.submitterDivisionId,
    submitterOfficeId: submission.submitterOfficeId,
  };
}

/**
 * 信息报送 by a division of the office or an outside body (its liaison). The same item is not
 * asked for twice: a title the submitter already has pending or adopted is refused, naming the
 * existing submission to reuse by reference.
 */
export async function submitInfo(
  write: SharingWrite,
  submitter: HeliClaims,
  input: { title: string; content: string },
  now: Date,
): Promise<InfoSubmissionRecord> {
  rejectProblems(submissionProblems(input));
  const { models, session } = write;
  const title = input.title.trim();
  const existing = await models.infoSubmissions
    .findOne({
      submitterOfficeId: submitter.officeId,
      submitterDivisionId: submitter.divisionId,
      title,
      status: { $in: ['SUBMITTED', 'ADOPTED'] },
    })
    .session(session)
    .lean<InfoSubmissionRecord>();
  if (existing) throw conflict(`该信息已报送（${existing._id}），请直接引用，无需重复报送`);

  const submission: InfoSubmissionRecord = {
    _id: newEntityId('submission'),
    title,
    content: input.content.trim(),
    submitterOfficeId: submitter.officeId,
    submitterDivisionId: submitter.divisionId,
    submittedByStaffId: submitter.sub,
    submittedAt: now,
    status: 'SUBMITTED',
    decidedByStaffId: null,
    decidedAt: null,
    returnReason: null,
    digestIds: [],
    openTitle: title,
  };
  // The check above answers with the existing item; the index holds when two submit at once.
  await models.infoSubmissions.create([submission], { session });
  write.emit(
    sharingEvents.infoSubmitted,
    { ...submissionEventData(submission), submittedAt: now.toISOString() },
    {
      subject: submission._id,
    },
  );
  return submission;
}

/** The secretariat (checked by the caller) adopts (采用) or returns (退回, with a reason) a submitted item, once. */
export async function decideInfo(
  write: SharingWrite,
  secretary: HeliClaims,
  submissionId: string,
  decision: { adopt: true } | { adopt: false; reason: string },
  now: Date,
): Promise<InfoSubmissionRecord> {
  const { models, session } = write;
  const submission = await models.infoSubmissions
    .findById(submissionId)
    .session(session)
    .lean<InfoSubmissionRecord>();
  if (!submission) throw notFound(`报送信息 ${submissionId}`);
  if (decision.adopt) {
    const refusal = adoptionRefusal(submission.submitterDivisionId, secretary.divisionId);
    if (refusal) throw forbidden(refusal);
  }
  const decided = decisionProblem(submission.status);
  if (decided) throw conflict(decided);
  if (!decision.adopt) rejectProblems([returnReasonProblem(decision.reason)]);

  const update = decision.adopt
    ? { status: 'ADOPTED', decidedByStaffId: secretary.sub, decidedAt: now }
    : {
        status: 'RETURNED',
        decidedByStaffId: secretary.sub,
        decidedAt: now,
        returnReason: decision.reason.trim(),
        // A returned item may be submitted again under the same title.
        openTitle: null,
      };
  const after = await models.infoSubmissions
    .findOneAndUpdate(
      { _id: submissionId, status: 'SUBMITTED' },
      { $set: update },
      { new: true, session },
    )
    .lean<InfoSubmissionRecord>();
  if (!after) throw conflict('该信息已被处理');
  if (decision.adopt) {
    write.emit(
      sharingEvents.infoAdopted,
      {
        ...submissionEventData(after),
        adoptedByStaffId: secretary.sub,
        adoptedAt: now.toISOString(),
      },
      { subject: after._id },
    );
  } else {
    write.emit(
      sharingEvents.infoReturned,
      {
        ...submissionEventData(after),
        returnedByStaffId: secretary.sub,
        reason: after.returnReason!,
        returnedAt: now.toISOString(),
      },
      { subject: after._id },
    );
  }
  return after;
}

export type DigestDeliveryInput =
  | { kind: 'distribution'; staffIds: string[]; divisionIds: string[]; readingHours: number }
  | { kind: 'circulation'; route: string[]; hopTimeLimitHours: number };

/**
 * 信息汇编: adopted items — the given ones, or every adopted item not yet in a digest — become one
 * INTERNAL digest document that is distributed or circulated. Items are referenced, not copied
 * into new submissions, and each item records the digests it went out in.
 */
export async function compileInfoDigest(
  write: SharingWrite,
  compiler: HeliClaims,
  input: {
    title: string;
    submissionIds?: string[] | null;
    delivery: DigestDeliveryInput;
    scheduleId?: string | null;
  },
  now: Date,
): Promise<InfoDigestRecord> {
  const { models, session } = write;
  const items = await models.infoSubmissions
    .find(
      input.submissionIds
        ? { _id: { $in: input.submissionIds }, status: 'ADOPTED' }
        : { status: 'ADOPTED', digestIds: { $size: 0 } },
    )
    .sort({ decidedAt: 1, _id: 1 })
    .session(session)
    .lean<InfoSubmissionRecord[]>();
  if (input.submissionIds && items.length !== new Set(input.submissionIds).size) {
    throw badInput('只能汇编已采用的信息', { fields: ['submissionIds'] });
  }
  if (items.length === 0) throw badInput('没有可汇编的已采用信息');

  const document = await registerDocument(
    write,
    compiler,
    {
      kind: 'INFORMATION_DIGEST',
      title: input.title,
      body: digestBody(items),
      classification: 'INTERNAL',
    },
    now,
  );
  const delivery = input.delivery;
  const sent =
    delivery.kind === 'distribution'
      ? {
          distributionId: (
            await distributeDocument(
              write,
              compiler,
              {
                documentId: document._id,
                staffIds: delivery.staffIds,
                divisionIds: delivery.divisionIds,
                dueAt: new Date(now.getTime() + delivery.readingHours * HOUR),
              },
              now,
            )
          )._id,
          circulationId: null,
        }
      : {
          distributionId: null,
          circulationId: (
            await startCirculation(
              write,
              compiler,
              {
                documentId: document._id,
                route: delivery.route,
                hopTimeLimitHours: delivery.hopTimeLimitHours,
              },
              now,
            )
          )._id,
        };
  const digest: InfoDigestRecord = {
    _id: newEntityId('digest'),
    title: document.title,
    submissionIds: items.map((item) => item._id),
    documentId: document._id,
    ...sent,
    scheduleId: input.scheduleId ?? null,
    compiledByStaffId: compiler.sub,
    compiledAt: now,
  };
  await models.infoDigests.create([digest], { session });
  await models.infoSubmissions.updateMany(
    { _id: { $in: digest.submissionIds } },
    { $addToSet: { digestIds: digest._id } },
    { session },
  );
  return digest;
}
