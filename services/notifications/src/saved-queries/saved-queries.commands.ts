import { randomUUID } from 'node:crypto';
import type { HeliClaims } from '@heli/auth';
import {
  conflict,
  forbidden,
  isDuplicateKeyError,
  notFound,
  rejectProblems,
} from '@heli/subgraph-runtime';
import type { SavedQueryModel, SavedQueryRecord } from './saved-query.model.js';
import {
  canSee,
  editingRefusal,
  normalVariables,
  savedQueryProblems,
  savingRefusal,
  type SavedQueryInput,
} from './saved-queries.rules.js';

type Viewer = Pick<HeliClaims, 'sub' | 'name' | 'officeId' | 'roles'>;

const nameTaken = (name: string) => conflict(`您已有名为“${name}”的查询，请换一个名称`);

function fields(viewer: Viewer, input: SavedQueryInput, now: Date) {
  return {
    ownerName: viewer.name,
    name: input.name.trim(),
    description: (input.description ?? '').trim(),
    document: input.document.trim(),
    variables: normalVariables(input.variables),
    shared: input.shared,
    updatedAt: now,
  };
}

/** Keeps a new query of the viewer's; the unique (owner, name) index refuses a second of a name. */
export async function saveQuery(
  model: SavedQueryModel,
  viewer: Viewer,
  input: SavedQueryInput,
  now: Date,
): Promise<SavedQueryRecord> {
  const refusal = savingRefusal(viewer);
  if (refusal) throw forbidden(refusal);
  rejectProblems(savedQueryProblems(input));
  const record: SavedQueryRecord = {
    _id: `sq-${randomUUID()}`,
    officeId: viewer.officeId,
    ownerStaffId: viewer.sub,
    createdAt: now,
    ...fields(viewer, input, now),
  };
  try {
    await model.create(record);
  } catch (error) {
    if (isDuplicateKeyError(error)) throw nameTaken(record.name);
    throw error;
  }
  return record;
}

/** The query as the viewer may see it, or NOT_FOUND — the same for absent and not shared. */
async function visibleQuery(model: SavedQueryModel, viewer: Viewer, id: string) {
  const query = await model.findById(id).lean<SavedQueryRecord>();
  if (!query || !canSee(viewer, query)) throw notFound(`查询“${id}”`);
  return query;
}

/** Changes the owner's query; the write is conditional on the owner, so it holds whoever races it. */
export async function updateSavedQuery(
  model: SavedQueryModel,
  viewer: Viewer,
  id: string,
  input: SavedQueryInput,
  now: Date,
): Promise<SavedQueryRecord> {
  const refusal = editingRefusal(viewer, await visibleQuery(model, viewer, id));
  if (refusal) throw forbidden(refusal);
  rejectProblems(savedQueryProblems(input));
  const changes = fields(viewer, input, now);
  try {
    const updated = await model
      .findOneAndUpdate({ _id: id, ownerStaffId: viewer.sub }, { $set: changes }, { new: true })
      .lean<SavedQueryRecord>();
    if (!updated) throw notFound(`查询“${id}”`);
    return updated;
  } catch (error) {
    if (isDuplicateKeyError(error)) throw nameTaken(changes.name);
    throw error;
  }
}

/** Deletes the owner's query; returns its id. */
export async function deleteSavedQuery(
  model: SavedQueryModel,
  viewer: Viewer,
  id: string,
): Promise<string> {
  const refusal = editingRefusal(viewer, await visibleQuery(model, viewer, id));
  if (refusal) throw forbidden(refusal);
  const { deletedCount } = await model.deleteOne({ _id: id, ownerStaffId: viewer.sub });
  if (deletedCount === 0) throw notFound(`查询“${id}”`);
  return id;
}
