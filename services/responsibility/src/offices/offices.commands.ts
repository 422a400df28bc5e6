import { conflict, badInput, notFound, rejectProblems } from '@heli/subgraph-runtime';
import { responsibilityEvents } from '@heli/event-contracts';
import { changedFields } from '../organisation/changed-fields.js';
import { newEntityId } from '../organisation/new-entity-id.js';
import { nextSequence } from '../organisation/sequence.js';
import type { OrganisationWrite } from '../organisation/organisation-write.js';
import { officeEventData } from './offices.events.js';
import type { OfficeRecord } from './offices.model.js';
import {
  applyOfficePatch,
  isSecondOwnOffice,
  normalizeOfficeFields,
  officeFieldProblems,
  ownOfficeKindChangeProblem,
  parentCycle,
  type OfficeFields,
  type OfficePatch,
} from './offices.rules.js';

export interface CreateOfficeInput {
  name: string;
  shortName: string;
  kind: OfficeFields['kind'];
  parentId?: string | null;
}

export async function createOffice(
  write: OrganisationWrite,
  input: CreateOfficeInput,
  id: string = newEntityId('office'),
): Promise<OfficeRecord> {
  const fields = normalizeOfficeFields({ ...input, parentId: input.parentId ?? null });
  rejectProblems(officeFieldProblems(id, fields));
  await checkOfficeInvariants(write, id, fields, null);

  const sequence = await nextSequence(write.models.offices, write.session);
  const [created] = await write.models.offices.create([{ _id: id, sequence, ...fields }], {
    session: write.session,
  });
  const record = created!.toObject();
  write.emit(responsibilityEvents.officeCreated, officeEventData(record), { subject: id });
  return record;
}

/** Applies `patch`; a patch that changes nothing writes nothing and announces nothing. */
export async function updateOffice(
  write: OrganisationWrite,
  id: string,
  patch: OfficePatch,
): Promise<OfficeRecord> {
  const { offices } = write.models;
  const before = await offices.findById(id).session(write.session).lean<OfficeRecord>();
  if (!before) throw notFound(`单位“${id}”`);

  const fields = normalizeOfficeFields(applyOfficePatch(before, patch));
  rejectProblems(officeFieldProblems(id, fields));
  const changed = changedFields(officeFieldsOf(before), fields);
  if (changed.length === 0) return before;
  await checkOfficeInvariants(write, id, fields, before);

  const after = await offices
    .findOneAndUpdate({ _id: id }, { $set: fields }, { new: true, session: write.session })
    .lean<OfficeRecord>();
  write.emit(
    responsibilityEvents.officeUpdated,
    { ...officeEventData(after!), changedFields: changed },
    { subject: id },
  );
  return after!;
}

function officeFieldsOf({ name, shortName, kind, parentId }: OfficeRecord): OfficeFields {
  return { name, shortName, kind, parentId };
}

/** The rules that need the other offices: unique names, one own office, an acyclic hierarchy. */
async function checkOfficeInvariants(
  { models: { offices }, session }: OrganisationWrite,
  id: string,
  fields: OfficeFields,
  before: OfficeRecord | null,
): Promise<void> {
  if (before) rejectProblems([ownOfficeKindChangeProblem(before.kind, fields.kind)]);

  if (before?.name !== fields.name) {
    const sameName = await offices.exists({ name: fields.name, _id: { $ne: id } }).session(session);
    if (sameName) throw conflict(`已有名为“${fields.name}”的单位`);
  }

  if (before?.kind !== 'OWN' && fields.kind === 'OWN') {
    const own = await offices.findOne({ kind: 'OWN' }).session(session).lean<OfficeRecord>();
    if (isSecondOwnOffice(id, fields.kind, own?._id ?? null)) {
      throw conflict(`本级办公厅只能有一个，已有“${own!.name}”`);
    }
  }

  if (fields.parentId !== null && fields.parentId !== before?.parentId) {
    const hierarchy = await offices
      .find({}, { name: 1, parentId: 1 })
      .session(session)
      .lean<Pick<OfficeRecord, '_id' | 'name' | 'parentId'>[]>();
    const parent = hierarchy.find((office) => office._id === fields.parentId);
    if (!parent) throw badInput(`找不到上级单位“${fields.parentId}”`, { fields: ['parentId'] });

    const parentOf = new Map(hierarchy.map((office) => [office._id, office.parentId]));
    const cycle = parentCycle(id, fields.parentId, parentOf);
    if (cycle) {
      const nameOf = new Map(hierarchy.map((office) => [office._id, office.name]));
      const path = cycle.map((officeId) => nameOf.get(officeId) ?? officeId).join(' → ');
      throw badInput(`不能把“${parent.name}”设为上级单位，否则会形成循环：${path}`, {
        fields: ['parentId'],
      });
    }
  }
}
