import type { HeliClaims } from '@heli/auth';
import { sharingEvents } from '@heli/event-contracts';
import { forbidden, notFound, rejectProblems } from '@heli/subgraph-runtime';
import { documentVisibilityFilter } from '../access/visibility.rules.js';
import { grantReaders } from '../documents/documents.commands.js';
import type { DocumentRecord } from '../documents/documents.model.js';
import { newEntityId } from '../records/entity-id.js';
import type { SharingWrite } from '../records/sharing-write.js';
import type { InstructionRecord } from './instructions.model.js';
import { instructionProblems, isLeader, type InstructionDraft } from './instructions.rules.js';

/**
 * 批示: a leader who can see the document (it was sent or circulated to them, or they lead the
 * office) writes an instruction. The divisions it names get need-to-know on the document, and
 * `instruction.issued` lets responsibility turn it into an assigned matter. The mutation checks the
 * named divisions against the directory first: responsibility would dead-letter an event naming a
 * division it does not have, and the leader would never learn why nothing happened.
 */
export async function issueInstruction(
  write: SharingWrite,
  leader: HeliClaims,
  input: InstructionDraft & { documentId: string },
  now: Date,
): Promise<InstructionRecord> {
  if (!isLeader(leader)) throw forbidden('只有市委领导和厅领导可以作出批示');
  const { models, session } = write;
  const document = await models.documents
    .findOne({ $and: [{ _id: input.documentId }, documentVisibilityFilter(leader)] })
    .session(session)
    .lean<DocumentRecord>();
  if (!document) throw notFound(`文件 ${input.documentId}`);
  rejectProblems(instructionProblems(input, now));

  const instruction: InstructionRecord = {
    _id: newEntityId('instruction'),
    documentId: document._id,
    leaderStaffId: leader.sub,
    text: input.text.trim(),
    leadDivisionId: input.leadDivisionId,
    coDivisionIds: [...input.coDivisionIds],
    deadline: input.deadline,
    issuedAt: now,
  };
  await models.instructions.create([instruction], { session });
  const named = [
    ...(instruction.leadDivisionId ? [instruction.leadDivisionId] : []),
    ...instruction.coDivisionIds,
  ];
  if (named.length > 0) await grantReaders(write, document._id, { divisionIds: named });
  write.emit(
    sharingEvents.instructionIssued,
    {
      instructionId: instruction._id,
      documentId: document._id,
      documentTitle: document.title,
      classification: document.classification,
      leaderStaffId: leader.sub,
      text: instruction.text,
      leadDivisionId: instruction.leadDivisionId,
      coDivisionIds: instruction.coDivisionIds,
      deadline: instruction.deadline?.toISOString() ?? null,
      issuedAt: now.toISOString(),
    },
    { subject: instruction._id },
  );
  return instruction;
}
