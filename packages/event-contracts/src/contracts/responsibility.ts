import { classificationSchema, roleSchema } from '@heli/auth';
import { z } from 'zod';
import { defineEvent } from '../define-event.js';

/**
 * Events of the responsibility context (链接一: 明确职责) — for now the organisation: offices,
 * divisions, staff and the coordination body. `*.created` carries the whole entity so consumers
 * can keep a local copy; `*.updated` carries the entity as it is now plus the names of the fields
 * that changed, so a consumer can skip updates it does not care about.
 */

const id = z.string().min(1);

// Kept in step with the values the responsibility subgraph stores and the GraphQL enums it serves.
export const OFFICE_KINDS = ['OWN', 'HIGHER', 'LOWER', 'PARTNER', 'EXTERNAL'] as const;
export const DIVISION_KINDS = ['DIVISION', 'SECRETARIAT'] as const;
const changedFields = z.array(z.string().min(1)).min(1);

const office = z.object({
  officeId: id,
  name: z.string().min(1),
  kind: z.enum(OFFICE_KINDS),
});

const division = z.object({
  divisionId: id,
  officeId: id,
  name: z.string().min(1),
  kind: z.enum(DIVISION_KINDS),
  headStaffId: id.nullable(),
});

const staff = z.object({
  staffId: id,
  officeId: id,
  divisionId: id.nullable(),
  name: z.string().min(1),
  title: z.string(),
  roles: z.array(roleSchema),
  clearance: classificationSchema,
  active: z.boolean(),
});

export const officeCreated = defineEvent({
  context: 'responsibility',
  type: 'organisation.office.created',
  version: 1,
  data: office,
});

export const officeUpdated = defineEvent({
  context: 'responsibility',
  type: 'organisation.office.updated',
  version: 1,
  data: office.extend({ changedFields }),
});

export const divisionCreated = defineEvent({
  context: 'responsibility',
  type: 'organisation.division.created',
  version: 1,
  data: division,
});

export const divisionUpdated = defineEvent({
  context: 'responsibility',
  type: 'organisation.division.updated',
  version: 1,
  data: division.extend({ changedFields }),
});

export const staffCreated = defineEvent({
  context: 'responsibility',
  type: 'organisation.staff.created',
  version: 1,
  data: staff,
});

export const staffUpdated = defineEvent({
  context: 'responsibility',
  type: 'organisation.staff.updated',
  version: 1,
  data: staff.extend({ changedFields }),
});

/** The coordination body (协调机构): led by the executive deputy director, division heads as members. */
export const coordinationBodyUpdated = defineEvent({
  context: 'responsibility',
  type: 'organisation.coordination-body.updated',
  version: 1,
  data: z.object({
    coordinationBodyId: id,
    officeId: id,
    name: z.string().min(1),
    leaderStaffId: id.nullable(),
    memberStaffIds: z.array(id),
    changedFields,
  }),
});
