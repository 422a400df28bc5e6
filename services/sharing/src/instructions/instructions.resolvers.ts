import type { SharingResolvers } from '../context.js';
import type { SharingDependencies } from '../dependencies.js';
import { viewDocument } from '../documents/visible-documents.js';
import { isoTime } from '../schema/iso-time.js';
import { writeSharing } from '../records/sharing-write.js';
import { rejectUnfitRecipients } from '../organisation/recipients.js';
import { issueInstruction } from './instructions.commands.js';

export function instructionsResolvers({ clock }: SharingDependencies): SharingResolvers {
  return {
    Mutation: {
      issueInstruction: (_, { input }, ctx) => {
        const draft = {
          documentId: input.documentId,
          text: input.text,
          leadDivisionId: input.leadDivisionId ?? null,
          coDivisionIds: input.coDivisionIds ?? [],
          deadline: input.deadline ?? null,
        };
        return writeSharing(ctx, async (write) => {
          await rejectUnfitRecipients(write, ctx.viewer, {
            divisionIds: [
              ...(draft.leadDivisionId ? [draft.leadDivisionId] : []),
              ...draft.coDivisionIds,
            ],
          });
          return issueInstruction(write, ctx.viewer, draft, clock.now());
        });
      },
    },

    Instruction: {
      __resolveReference: ({ id }, ctx) => ctx.loaders.visibleInstruction.load(id),
      id: (instruction) => instruction._id,
      document: (instruction, _, ctx) =>
        viewDocument(ctx, instruction.documentId, 'Instruction.document'),
      leader: (instruction) => ({ id: instruction.leaderStaffId }),
      leadDivision: (instruction) =>
        instruction.leadDivisionId === null ? null : { id: instruction.leadDivisionId },
      coDivisions: (instruction) => instruction.coDivisionIds.map((id) => ({ id })),
      deadline: (instruction) => isoTime(instruction.deadline),
      issuedAt: (instruction) => isoTime(instruction.issuedAt),
    },
  };
}
