import DataLoader from 'dataloader';
import type { HeliClaims } from '@heli/auth';
import { canSeeClassified } from '../access/visibility.rules.js';
import type { AchievementModels } from '../models.js';
import type { LineageView } from './lineage-view.js';
import type { MatterRefRecord, WorkOriginRecord } from './lineage.model.js';

/** The most matters one origin lists (top-level matters, and as many sub-matters again). */
export const MATTERS_PER_LINEAGE = 100;

const byCreation = (a: MatterRefRecord, b: MatterRefRecord) =>
  a.createdAt.getTime() - b.createdAt.getTime() || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);

/**
 * The lineages of every id asked for in one tick — the decisions of a meeting list, say — in a
 * fixed number of reads whatever their number: the origins, the matters named instead of an
 * origin, their parents, the origins those matters came from, then each origin's top-level
 * matters and their sub-matters (an aggregation each, keeping the first MATTERS_PER_LINEAGE per
 * group). A read is skipped when nothing needs it. Key: a decision's or instruction's id, or a
 * matter's or sub-matter's (its lineage is its origin's); null when the viewer may see none of it.
 */
export function lineageLoader(models: AchievementModels, viewer: HeliClaims) {
  const { workOrigins, matterRefs } = models;

  async function originsById(ids: readonly string[]): Promise<Map<string, WorkOriginRecord>> {
    if (ids.length === 0) return new Map();
    const found = await workOrigins.find({ _id: { $in: [...ids] } }).lean<WorkOriginRecord[]>();
    return new Map(found.map((origin) => [origin._id, origin]));
  }

  async function mattersById(ids: readonly string[]): Promise<Map<string, MatterRefRecord>> {
    if (ids.length === 0) return new Map();
    const found = await matterRefs.find({ _id: { $in: [...ids] } }).lean<MatterRefRecord[]>();
    return new Map(found.map((matter) => [matter._id, matter]));
  }

  /** The first MATTERS_PER_LINEAGE matters in creation order whose `field` is each value. */
  async function firstMattersBy(
    field: 'sourceRef' | 'parentAssignmentId',
    values: readonly string[],
  ): Promise<Map<string, MatterRefRecord[]>> {
    if (values.length === 0) return new Map();
    const groups = await matterRefs.aggregate<{ _id: string; matters: MatterRefRecord[] }>([
      {
        $match: {
          [field]: { $in: [...values] },
          ...(field === 'sourceRef' ? { parentAssignmentId: null } : {}),
        },
      },
      { $sort: { createdAt: 1, _id: 1 } },
      {
        $group: {
          _id: `$${field}`,
          matters: { $firstN: { input: '$$ROOT', n: MATTERS_PER_LINEAGE } },
        },
      },
    ]);
    return new Map(groups.map((group) => [group._id, group.matters]));
  }

  return new DataLoader<string, LineageView | null>(async (keys) => {
    const origins = await originsById(keys);
    // An id that is no origin may be a matter; a sub-matter's lineage is its parent's, since the
    // parent carries what the work came from.
    const named = await mattersById(keys.filter((key) => !origins.has(key)));
    const parents = await mattersById([
      ...new Set(
        [...named.values()].flatMap((m) => (m.parentAssignmentId ? [m.parentAssignmentId] : [])),
      ),
    ]);
    const matterOf = (key: string) => {
      const matter = named.get(key);
      if (!matter) return undefined;
      return (matter.parentAssignmentId && parents.get(matter.parentAssignmentId)) || matter;
    };
    const originIdOf = (key: string) =>
      origins.has(key) ? key : (matterOf(key)?.sourceRef ?? null);
    const originIds = [...new Set(keys.map(originIdOf).filter((id) => id !== null))];
    for (const [id, origin] of await originsById(originIds.filter((id) => !origins.has(id))))
      origins.set(id, origin);

    const topLevelOf = await firstMattersBy('sourceRef', originIds);
    const topLevel = (key: string): MatterRefRecord[] => {
      const originId = originIdOf(key);
      if (originId !== null) return topLevelOf.get(originId) ?? [];
      const matter = matterOf(key);
      return matter ? [matter] : [];
    };
    const subMattersOf = await firstMattersBy('parentAssignmentId', [
      ...new Set(keys.flatMap((key) => topLevel(key).map((m) => m._id))),
    ]);

    return keys.map((key) => {
      const originId = originIdOf(key);
      if (originId === null && !matterOf(key)) return null;
      const origin = originId === null ? null : (origins.get(originId) ?? null);
      const matters = topLevel(key);
      const subMatters = matters
        .flatMap((matter) => subMattersOf.get(matter._id) ?? [])
        .sort(byCreation)
        .slice(0, MATTERS_PER_LINEAGE);
      // Each matter followed by its sub-matters, so a reader sees the split where it happened.
      const ordered = matters.flatMap((matter) => [
        matter,
        ...subMatters.filter((sub) => sub.parentAssignmentId === matter._id),
      ]);
      const visibleOrigin = origin && canSeeClassified(viewer, origin) ? origin : null;
      const visibleMatters = ordered.filter((matter) => canSeeClassified(viewer, matter));
      if (!visibleOrigin && visibleMatters.length === 0) return null;
      return { origin: visibleOrigin, matters: visibleMatters };
    });
  });
}
