import DataLoader from 'dataloader';
import { periodRange } from '@heli/office-periods';
import type { AchievementModels } from '../models.js';
import type { UseRecord } from './use.model.js';

/** Which side of a use a division's summary counts: the uses of its work, or its uses of others'. */
export type UseSide = 'providerDivisionId' | 'userDivisionId';

/**
 * Per request, the confirmed uses decided in a period, by division on one side
 * (`Division.reuseGiven` / `reuseReceived`): the divisions of a list asked together are one query.
 */
export function confirmedUsesLoaders(models: AchievementModels) {
  const loaders = new Map<string, DataLoader<string, UseRecord[]>>();
  return (side: UseSide, period: string) => {
    const key = `${side}|${period}`;
    let loader = loaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (divisionIds) => {
        const { from, to } = periodRange(period);
        const uses = await models.uses
          .find({
            [side]: { $in: [...divisionIds] },
            status: 'CONFIRMED',
            decidedAt: { $gte: from, $lt: to },
          })
          .lean<UseRecord[]>();
        return divisionIds.map((id) => uses.filter((use) => use[side] === id));
      });
      loaders.set(key, loader);
    }
    return loader;
  };
}
