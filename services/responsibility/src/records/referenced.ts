import type DataLoader from 'dataloader';

/**
 * The record another record refers to by id. Offices, divisions and staff are never deleted, so
 * one that is missing is a broken reference: an error, never a null for a non-null field.
 */
export async function loadReferenced<T>(
  loader: DataLoader<string, T | null>,
  id: string,
): Promise<T> {
  return existing(await loader.load(id), id);
}

/** The records `ids` refer to, in order; see `loadReferenced`. */
export async function loadAllReferenced<T>(
  loader: DataLoader<string, T | null>,
  ids: readonly string[],
): Promise<T[]> {
  const loaded = await loader.loadMany(ids);
  return loaded.map((record, index) => {
    if (record instanceof Error) throw record;
    return existing(record, ids[index]);
  });
}

function existing<T>(record: T | null, id: string | undefined): T {
  if (record === null) throw new Error(`Record ${id} is referred to but does not exist`);
  return record;
}
