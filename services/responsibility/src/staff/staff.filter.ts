import type { Role } from '@heli/auth';
import type { FilterQuery } from 'mongoose';
import type { StaffRecord } from './staff.model.js';

export interface StaffListFilter {
  officeId?: string | null;
  divisionId?: string | null;
  role?: Role | null;
  /** Part of a name or title, e.g. "处长" or "王". */
  search?: string | null;
  active?: boolean | null;
}

/** The MongoDB filter for a staff list; arguments left out (or null) do not narrow it. */
export function staffListQuery(filter: StaffListFilter): FilterQuery<StaffRecord> {
  const query: FilterQuery<StaffRecord> = {};
  if (filter.officeId) query.officeId = filter.officeId;
  if (filter.divisionId) query.divisionId = filter.divisionId;
  if (filter.role) query.roles = filter.role;
  if (filter.active !== undefined && filter.active !== null) query.active = filter.active;
  const search = filter.search?.trim();
  if (search) {
    // Searched as literal text: "(主任)" must not be read as a regular expression.
    const pattern = new RegExp(escapeRegExp(search), 'i');
    query.$or = [{ name: pattern }, { title: pattern }];
  }
  return query;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
