import { badInput, notFound, rejectProblems } from '@heli/subgraph-runtime';
import type { Actor } from '../assignments/assignments.commands.js';
import type { MatterWrite } from '../assignments/matter-write.js';
import { normalizeText } from '../organisation/text-field.rules.js';
import { newRecordId } from '../records/record-id.js';
import type { DutyRecord } from './duty.model.js';
import { dutyProblems, type DutyRole } from './duties.rules.js';

export async function defineDuty(
  write: MatterWrite,
  input: { divisionId: string; role: DutyRole; description: string; standard: string },
  actor: Actor,
  id: string = newRecordId('duty'),
): Promise<DutyRecord> {
  const description = normalizeText(input.description);
  const standard = normalizeText(input.standard);
  rejectProblems(dutyProblems({ description, standard }));
  const division = await write.models.divisions
    .exists({ _id: input.divisionId })
    .session(write.session);
  if (!division) throw badInput(`找不到处室“${input.divisionId}”`, { fields: ['divisionId'] });
  const duty: DutyRecord = {
    _id: id,
    divisionId: input.divisionId,
    role: input.role,
    description,
    standard,
    createdAt: actor.at,
    updatedAt: actor.at,
  };
  await write.models.duties.create([duty], { session: write.session });
  return duty;
}

export async function updateDuty(
  write: MatterWrite,
  id: string,
  patch: { role?: DutyRole | null; description?: string | null; standard?: string | null },
  actor: Actor,
): Promise<DutyRecord> {
  const before = await write.models.duties.findById(id).session(write.session).lean<DutyRecord>();
  if (!before) throw notFound(`职责“${id}”`);
  const fields = {
    role: patch.role ?? before.role,
    description: normalizeText(patch.description ?? before.description),
    standard: normalizeText(patch.standard ?? before.standard),
  };
  rejectProblems(dutyProblems(fields));
  const after = await write.models.duties
    .findOneAndUpdate(
      { _id: id },
      { $set: { ...fields, updatedAt: actor.at } },
      { new: true, session: write.session },
    )
    .lean<DutyRecord>();
  return after!;
}
