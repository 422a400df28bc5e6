import { badInput, forbidden, notFound, rejectProblems } from '@heli/subgraph-runtime';
import { responsibilityEvents } from '@heli/event-contracts';
import type { DivisionRecord } from '../divisions/divisions.model.js';
import { changedFields } from '../organisation/changed-fields.js';
import { newEntityId } from '../organisation/new-entity-id.js';
import { nextSequence } from '../organisation/sequence.js';
import type { OrganisationWrite } from '../organisation/organisation-write.js';
import { staffEventData } from './staff.events.js';
import type { StaffRecord } from './staff.model.js';
import {
  applyStaffPatch,
  changesOwnPrivileges,
  headLeavingProblem,
  normalizeStaffFields,
  staffFieldProblems,
  staffOffice,
  type StaffFields,
  type StaffPatch,
  type StaffState,
} from './staff.rules.js';

export interface CreateStaffInput {
  name: string;
  title: string;
  officeId?: string | null;
  divisionId?: string | null;
  roles: StaffFields['roles'];
  clearance: StaffFields['clearance'];
  phone?: string | null;
}

export async function createStaff(
  write: OrganisationWrite,
  input: CreateStaffInput,
  id: string = newEntityId('staff'),
): Promise<StaffRecord> {
  const divisionId = input.divisionId ?? null;
  const officeId = await placeStaff(write, input.officeId ?? null, divisionId);
  const fields = normalizeStaffFields({
    name: input.name,
    title: input.title,
    officeId,
    divisionId,
    roles: input.roles,
    clearance: input.clearance,
    phone: input.phone ?? null,
    active: true,
  });
  rejectProblems(staffFieldProblems(fields));

  const sequence = await nextSequence(write.models.staff, write.session);
  const [created] = await write.models.staff.create([{ _id: id, sequence, ...fields }], {
    session: write.session,
  });
  const record = created!.toObject();
  write.emit(responsibilityEvents.staffCreated, staffEventData(record), { subject: id });
  return record;
}

/**
 * Applies `patch` as `editorId`; a patch that changes nothing writes nothing and announces
 * nothing.
 */
export async function updateStaff(
  write: OrganisationWrite,
  id: string,
  patch: StaffPatch,
  editorId: string,
): Promise<StaffRecord> {
  const { staff, divisions } = write.models;
  const before = await staff.findById(id).session(write.session).lean<StaffRecord>();
  if (!before) throw notFound(`人员“${id}”`);

  const requested = applyStaffPatch(before, patch);
  const moved =
    requested.divisionId !== before.divisionId || requested.officeId !== before.officeId;
  const officeId = moved
    ? await placeStaff(write, requested.officeId, requested.divisionId)
    : before.officeId;
  const fields = normalizeStaffFields({ ...requested, officeId });
  rejectProblems(staffFieldProblems(fields));
  const changed = changedFields(staffStateOf(before), fields);
  if (changed.length === 0) return before;
  if (changesOwnPrivileges(editorId, id, before, fields)) {
    throw forbidden('不能修改本人的角色或涉密等级，请由其他管理员办理');
  }

  if (fields.divisionId !== before.divisionId) {
    const headed = await divisions
      .findOne({ headId: id })
      .session(write.session)
      .lean<DivisionRecord>();
    rejectProblems([
      headLeavingProblem(
        before,
        fields.divisionId,
        headed && { id: headed._id, name: headed.name },
      ),
    ]);
  }

  const after = await staff
    .findOneAndUpdate({ _id: id }, { $set: fields }, { new: true, session: write.session })
    .lean<StaffRecord>();
  write.emit(
    responsibilityEvents.staffUpdated,
    { ...staffEventData(after!), changedFields: changed },
    { subject: id },
  );
  return after!;
}

function staffStateOf(record: StaffRecord): StaffState {
  const { name, title, officeId, divisionId, roles, clearance, phone, active } = record;
  return { name, title, officeId, divisionId, roles, clearance, phone, active };
}

/** The office the person will belong to, checking that the division and office exist and agree. */
async function placeStaff(
  { models, session }: OrganisationWrite,
  requestedOfficeId: string | null,
  divisionId: string | null,
): Promise<string> {
  const division =
    divisionId === null
      ? null
      : await models.divisions.findById(divisionId).session(session).lean<DivisionRecord>();
  if (divisionId !== null && !division) {
    throw badInput(`找不到处室“${divisionId}”`, { fields: ['divisionId'] });
  }
  const placement = staffOffice(requestedOfficeId, division);
  if ('problem' in placement) {
    throw badInput(placement.problem, { fields: ['officeId', 'divisionId'] });
  }
  if (
    division === null &&
    !(await models.offices.exists({ _id: placement.officeId }).session(session))
  ) {
    throw badInput(`找不到单位“${placement.officeId}”`, { fields: ['officeId'] });
  }
  return placement.officeId;
}
