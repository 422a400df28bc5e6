import { badInput, rejectProblems } from '@heli/subgraph-runtime';
import { responsibilityEvents } from '@heli/event-contracts';
import type { OfficeRecord } from '../offices/offices.model.js';
import { changedFields } from '../organisation/changed-fields.js';
import type { OrganisationWrite } from '../organisation/organisation-write.js';
import type { StaffRecord } from '../staff/staff.model.js';
import type { CoordinationBodyRecord } from './coordination-body.model.js';
import {
  COORDINATION_BODY_ID,
  coordinationBodyFieldProblems,
  leadProblem,
  normalizeCoordinationBodyFields,
  unfitMemberProblems,
  unknownMembersProblem,
  type CoordinationBodyFields,
} from './coordination-body.rules.js';

/**
 * Sets up the own office's coordination body, or replaces its name, lead, members and
 * responsibilities. Setting it to what it already is writes nothing and announces nothing.
 */
export async function setCoordinationBody(
  { models, session, emit }: OrganisationWrite,
  input: CoordinationBodyFields,
): Promise<CoordinationBodyRecord> {
  const fields = normalizeCoordinationBodyFields(input);
  rejectProblems(coordinationBodyFieldProblems(fields));

  const ownOffice = await models.offices
    .findOne({ kind: 'OWN' })
    .session(session)
    .lean<OfficeRecord>();
  if (!ownOffice) throw badInput('请先建立本级办公厅（单位类型 OWN），协调机构隶属于它');

  const people = await models.staff
    .find(
      { _id: { $in: [fields.leadId, ...fields.memberIds] } },
      { name: 1, roles: 1, officeId: 1, active: 1 },
    )
    .session(session)
    .lean<Pick<StaffRecord, '_id' | 'name' | 'roles' | 'officeId' | 'active'>[]>();
  const lead = people.find((person) => person._id === fields.leadId) ?? null;
  rejectProblems([
    leadProblem(fields.leadId, lead),
    unknownMembersProblem(fields.memberIds, new Set(people.map((person) => person._id))),
    ...unfitMemberProblems(people, ownOffice._id),
  ]);

  const next = { officeId: ownOffice._id, ...fields };
  const before = await models.coordinationBodies
    .findById(COORDINATION_BODY_ID)
    .session(session)
    .lean<CoordinationBodyRecord>();
  const changed = changedFields(before ? bodyStateOf(before) : emptyBody, next);
  if (before && changed.length === 0) return before;

  const after = await models.coordinationBodies
    .findOneAndUpdate(
      { _id: COORDINATION_BODY_ID },
      { $set: next },
      { new: true, upsert: true, session },
    )
    .lean<CoordinationBodyRecord>();
  emit(
    responsibilityEvents.coordinationBodyUpdated,
    {
      coordinationBodyId: COORDINATION_BODY_ID,
      officeId: next.officeId,
      name: next.name,
      leaderStaffId: next.leadId,
      memberStaffIds: next.memberIds,
      changedFields: changed,
    },
    { subject: COORDINATION_BODY_ID },
  );
  return after!;
}

type CoordinationBodyState = CoordinationBodyFields & { officeId: string };

// Setting up the body for the first time changes every field.
const emptyBody: CoordinationBodyState = {
  officeId: '',
  name: '',
  leadId: '',
  memberIds: [],
  responsibilities: '',
};

function bodyStateOf(record: CoordinationBodyRecord): CoordinationBodyState {
  const { officeId, name, leadId, memberIds, responsibilities } = record;
  return { officeId, name, leadId, memberIds, responsibilities };
}
