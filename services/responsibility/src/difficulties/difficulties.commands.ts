import { canRead, type Classification, type HeliClaims } from '@heli/auth';
import { assignmentEvents } from '@heli/event-contracts';
import {
  badInput,
  conflict,
  forbidden,
  notFound,
  rejectProblems,
  textProblem,
} from '@heli/subgraph-runtime';
import type { Actor } from '../assignments/assignments.commands.js';
import type { AssignmentRecord } from '../assignments/assignment.model.js';
import { raiseDifficultyStatusProblem } from '../assignments/assignment-lifecycle.rules.js';
import { longTextProblem, TITLE_MAX } from '../assignments/assignment-fields.rules.js';
import type { MatterWrite } from '../assignments/matter-write.js';
import { normalizeText } from '../organisation/text-field.rules.js';
import { newRecordId } from '../records/record-id.js';
import type { OfficeRecord } from '../offices/offices.model.js';
import type { StaffRecord } from '../staff/staff.model.js';
import { LONG_TEXT_MAX } from '../assignments/assignment-fields.rules.js';
import type { DifficultyRecord } from './difficulty.model.js';
import { assignResolverStatus, resolveStatus, resolverProblems } from './difficulties.rules.js';

export interface RaiseDifficultyInput {
  title: string;
  description: string;
  classification: Classification;
}

/**
 * A division raises a difficulty, on a matter it leads or co-organises (`matter`, already checked
 * visible) or on its own. A linked difficulty takes the matter's classification.
 */
export async function raiseDifficulty(
  write: MatterWrite,
  viewer: HeliClaims,
  input: RaiseDifficultyInput,
  matter: AssignmentRecord | null,
  actor: Actor,
  id: string = newRecordId('difficulty'),
): Promise<DifficultyRecord> {
  const divisionId = viewer.divisionId;
  const title = normalizeText(input.title);
  const description = normalizeText(input.description);
  const classification = matter?.classification ?? input.classification;
  if (!canRead(viewer.clearance, classification)) {
    throw forbidden('不能反映密级高于本人涉密等级的困难');
  }
  rejectProblems([
    divisionId === null ? '只有处室工作人员可以为本处室反映困难' : null,
    textProblem('困难标题', title, TITLE_MAX),
    longTextProblem('困难描述', description),
    matter &&
    divisionId !== matter.leadDivisionId &&
    !matter.coDivisionIds.includes(divisionId ?? '')
      ? '只能就本处室主办或协办的事项反映困难'
      : null,
    matter && raiseDifficultyStatusProblem(matter.status),
  ]);
  const difficulty: DifficultyRecord = {
    _id: id,
    divisionId: divisionId!,
    assignmentId: matter?._id ?? null,
    title,
    description,
    classification,
    status: 'OPEN',
    raisedByStaffId: actor.staffId,
    raisedAt: actor.at,
    resolverStaffId: null,
    resolverAssignedAt: null,
    resolution: null,
    resolvedByStaffId: null,
    resolvedAt: null,
  };
  await write.models.difficulties.create([difficulty], { session: write.session });
  await write.emit(
    assignmentEvents.difficultyRaised,
    {
      difficultyId: difficulty._id,
      divisionId: difficulty.divisionId,
      assignmentId: difficulty.assignmentId,
      title,
      raisedByStaffId: actor.staffId,
      raisedAt: actor.at.toISOString(),
    },
    { subject: difficulty._id },
  );
  return difficulty;
}

/** Office leadership asks someone, cleared for the difficulty, to resolve it. */
export async function assignDifficultyResolver(
  write: MatterWrite,
  id: string,
  resolverStaffId: string,
  actor: Actor,
): Promise<DifficultyRecord> {
  const difficulty = await findDifficulty(write, id);
  const status = assignResolverStatus(difficulty.status);
  const resolver = await write.models.staff
    .findById(resolverStaffId)
    .session(write.session)
    .lean<StaffRecord>();
  if (!resolver) throw badInput(`找不到工作人员“${resolverStaffId}”`);
  const ownOffice = await write.models.offices
    .findOne({ kind: 'OWN' }, { _id: 1 })
    .session(write.session)
    .lean<Pick<OfficeRecord, '_id'>>();
  rejectProblems(resolverProblems(resolver, ownOffice?._id ?? null, difficulty.classification));
  const after = await write.models.difficulties
    .findOneAndUpdate(
      { _id: id, status: difficulty.status },
      { $set: { status, resolverStaffId, resolverAssignedAt: actor.at } },
      { new: true, session: write.session },
    )
    .lean<DifficultyRecord>();
  return after ?? staleDifficulty();
}

export async function resolveDifficulty(
  write: MatterWrite,
  id: string,
  resolution: string,
  actor: Actor,
): Promise<DifficultyRecord> {
  const text = normalizeText(resolution);
  rejectProblems([textProblem('解决情况', text, LONG_TEXT_MAX)]);
  const difficulty = await findDifficulty(write, id);
  const status = resolveStatus(difficulty.status);
  const after = await write.models.difficulties
    .findOneAndUpdate(
      { _id: id, status: difficulty.status },
      {
        $set: { status, resolution: text, resolvedByStaffId: actor.staffId, resolvedAt: actor.at },
      },
      { new: true, session: write.session },
    )
    .lean<DifficultyRecord>();
  if (!after) return staleDifficulty();
  await write.emit(
    assignmentEvents.difficultyResolved,
    {
      difficultyId: id,
      divisionId: after.divisionId,
      assignmentId: after.assignmentId,
      resolvedByStaffId: actor.staffId,
      resolvedAt: actor.at.toISOString(),
    },
    { subject: id },
  );
  return after;
}

async function findDifficulty(write: MatterWrite, id: string): Promise<DifficultyRecord> {
  const difficulty = await write.models.difficulties
    .findById(id)
    .session(write.session)
    .lean<DifficultyRecord>();
  if (!difficulty) throw notFound(`困难“${id}”`);
  return difficulty;
}

function staleDifficulty(): never {
  throw conflict('困难的状态刚被他人更新，请刷新后重试');
}
