import type { ClientSession, Model } from 'mongoose';

/**
 * The next creation sequence number in `model`'s collection. Lists are ordered by it, so they
 * show records in the order they were set up — the demo organisation lists its divisions as the
 * office does (秘书处, 综合一处, …) — which creation timestamps cannot do: records created in the
 * same millisecond would fall back to id order. Two concurrent creations may draw the same number;
 * their order then falls back to the id, which is harmless.
 */
export async function nextSequence<T extends { sequence: number }>(
  model: Model<T>,
  session: ClientSession,
): Promise<number> {
  const last = await model
    .findOne({}, { sequence: 1 })
    .sort({ sequence: -1 })
    .session(session)
    .lean<{ sequence?: number }>();
  return (last?.sequence ?? 0) + 1;
}
