import type { SharingContext, SharingResolvers } from '../context.js';
import type { SharingDependencies } from '../dependencies.js';
import { viewDocument } from '../documents/visible-documents.js';
import { isoTime, parseIsoTime } from '../shared/iso-time.js';
import { writeSharing } from '../shared/sharing-write.js';
import { issueInstruction } from './instructions.commands.js';
import type { InstructionRecord } from './instructions.model.js';

interface IssueInstructionArgs {
  input: {
    documentId: string;
    text: string;
    leadDivisionId?: string | null;
    coDivisionIds?: string[] | null;
    deadline?: string | null;
  };
}

export function instructionsResolvers({ clock }: SharingDependencies): SharingResolvers {
  return {
    Mutation: {
      issueInstruction: (_: unknown, { input }: IssueInstructionArgs, ctx: SharingContext) => {
        const draft = {
          documentId: input.documentId,
          text: input.text,
          leadDivisionId: input.leadDivisionId ?? null,
          coDivisionIds: input.coDivisionIds ?? [],
          deadline: input.deadline ? parseIsoTime(input.deadline, 'deadline') : null,
        };
        return writeSharing(ctx, (write) =>
          issueInstruction(write, ctx.viewer, draft, clock.now()),
        );
      },
    },

    Instruction: {
      id: (instruction: InstructionRecord) => instruction._id,
      document: (instruction: InstructionRecord, _: unknown, ctx: SharingContext) =>
        viewDocument(ctx, instruction.documentId, 'Instruction.document'),
      leader: (instruction: InstructionRecord) => ({ id: instruction.leaderStaffId }),
      leadDivision: (instruction: InstructionRecord) =>
        instruction.leadDivisionId === null ? null : { id: instruction.leadDivisionId },
      coDivisions: (instruction: InstructionRecord) =>
        instruction.coDivisionIds.map((id) => ({ id })),
      deadline: (instruction: InstructionRecord) => isoTime(instruction.deadline),
      issuedAt: (instruction: InstructionRecord) => isoTime(instruction.issuedAt),
    },
  };
}
