import { rejectProblems } from '@heli/subgraph-runtime';
import type { ClientSession } from 'mongoose';
import type { InteractionModels } from '../models.js';

/**
 * Refuses divisions and people the directory does not know (or, for people, no longer active),
 * naming each, so a meeting or a team never points at someone who is not there.
 */
export async function requireKnown(
  models: InteractionModels,
  session: ClientSession | null,
  { divisionIds = [], staffIds = [] }: { divisionIds?: string[]; staffIds?: string[] },
): Promise<void> {
  const wantedDivisions = [...new Set(divisionIds)];
  const wantedStaff = [...new Set(staffIds)];
  const [divisions, staff] = await Promise.all([
    wantedDivisions.length === 0
      ? []
      : models.directoryDivisions
          .find({ _id: { $in: wantedDivisions } }, { _id: 1 })
          .session(session)
          .lean(),
    wantedStaff.length === 0
      ? []
      : models.directoryStaff
          .find({ _id: { $in: wantedStaff }, active: true }, { _id: 1 })
          .session(session)
          .lean(),
  ]);
  const foundDivisions = new Set(divisions.map((d) => d._id));
  const foundStaff = new Set(staff.map((s) => s._id));
  rejectProblems([
    ...wantedDivisions.filter((id) => !foundDivisions.has(id)).map((id) => `未知的处室：${id}`),
    ...wantedStaff.filter((id) => !foundStaff.has(id)).map((id) => `未知或已停用的人员：${id}`),
  ]);
}
