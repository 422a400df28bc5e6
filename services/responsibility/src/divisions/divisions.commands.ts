import { badInput, conflict, notFound, rejectProblems } from '@heli/subgraph-runtime';
import { responsibilityEvents } from '@heli/event-contracts';
import { changedFields } from '../organisation/changed-fields.js';
import { newEntityId } from '../organisation/new-entity-id.js';
import { nextSequence } from '../organisation/sequence.js';
import type { OrganisationWrite } from '../organisation/organisation-write.js';
import type { StaffRecord } from '../staff/staff.model.js';
import { divisionEventData } from './divisions.events.js';
import type { DivisionRecord } from './divisions.model.js';
import {
  applyDivisionPatch,
  divisionFieldProblems,
  headProblem,
  isSecondSecretariat,
  normalizeDivisionFields,
  type DivisionFields,
  type DivisionKind,
  type DivisionPatch,
} from './divisions.rules.js';

export interface CreateDivisionInput {
  officeId: string;
  name: string;
  kind: DivisionKind;
}

/** A new division has no head yet: its head is chosen from its people once it has some. */
export async function createDivision(
  write: OrganisationWrite,
  input: CreateDivisionInput,
  id: string = newEntityId('division'),
): Promise<DivisionRecord> {
  const fields = normalizeDivisionFields({ name: input.name, kind: input.kind, headId: null });
  rejectProblems(divisionFieldProblems(fields));
  const office = await write.models.offices.exists({ _id: input.officeId }).session(write.session);
  if (!office) throw badInput(`找不到单位“${input.officeId}”`, { fields: ['officeId'] });
  await checkDivisionInvariants(write, id, input.officeId, fields, null);

  const sequence = await nextSequence(write.models.divisions, write.session);
  const [created] = await write.models.divisions.create(
    [{ _id: id, sequence, officeId: input.officeId, ...fields }],
    { session: write.session },
  );
  const record = created!.toObject();
  write.emit(responsibilityEvents.divisionCreated, divisionEventData(record), { subject: id });
  return record;
}

/** Applies `patch`; a patch that changes nothing writes nothing and announces nothing. */
export async function updateDivision(
  write: OrganisationWrite,
  id: string,
  patch: DivisionPatch,
): Promise<DivisionRecord> {
  const { divisions } = write.models;
  const before = await divisions.findById(id).session(write.session).lean<DivisionRecord>();
  if (!before) throw notFound(`处室“${id}”`);

  const fields = normalizeDivisionFields(applyDivisionPatch(before, patch));
  rejectProblems(divisionFieldProblems(fields));
  const changed = changedFields(divisionFieldsOf(before), fields);
  if (changed.length === 0) return before;
  await checkDivisionInvariants(write, id, before.officeId, fields, before);

  const after = await divisions
    .findOneAndUpdate({ _id: id }, { $set: fields }, { new: true, session: write.session })
    .lean<DivisionRecord>();
  write.emit(
    responsibilityEvents.divisionUpdated,
    { ...divisionEventData(after!), changedFields: changed },
    { subject: id },
  );
  return after!;
}

function divisionFieldsOf({ name, kind, headId }: DivisionRecord): DivisionFields {
  return { name, kind, headId };
}

/** The rules that need other records: unique names, one secretariat, a head from the division. */
async function checkDivisionInvariants(
  { models, session }: OrganisationWrite,
  id: string,
  officeId: string,
  fields: DivisionFields,
  before: DivisionRecord | null,
): Promise<void> {
  if (fields.headId !== (before?.headId ?? null)) {
    const head =
      fields.headId === null
        ? null
        : await models.staff.findById(fields.headId).session(session).lean<StaffRecord>();
    rejectProblems([headProblem(id, fields.headId, head)]);
  }

  if (before?.name !== fields.name) {
    const sameName = await models.divisions
      .exists({ officeId, name: fields.name, _id: { $ne: id } })
      .session(session);
    if (sameName) throw conflict(`本单位已有名为“${fields.name}”的处室`);
  }

  if (before?.kind !== 'SECRETARIAT' && fields.kind === 'SECRETARIAT') {
    const secretariat = await models.divisions
      .findOne({ officeId, kind: 'SECRETARIAT' })
      .session(session)
      .lean<DivisionRecord>();
    if (isSecondSecretariat(id, fields.kind, secretariat?._id ?? null)) {
      throw conflict(`一个单位只能有一个秘书处，已有“${secretariat!.name}”`);
    }
  }
}
