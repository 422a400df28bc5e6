import { canRead, type HeliClaims } from '@heli/auth';
import { rejectProblems } from '@heli/subgraph-runtime';
import type { ClientSession } from 'mongoose';
import type { InteractionModels } from '../models.js';

/**
 * Refuses linking a document sharing has not registered, or one above the person's clearance —
 * with the same words for both, so the refusal does not tell that a secret document exists.
 */
export async function requireLinkableDocuments(
  models: InteractionModels,
  session: ClientSession | null,
  viewer: HeliClaims,
  documentIds: readonly string[],
): Promise<void> {
  const wanted = [...new Set(documentIds)];
  if (wanted.length === 0) return;
  const found = await models.knownDocuments
    .find({ _id: { $in: wanted } }, { classification: 1 })
    .session(session)
    .lean();
  const readable = new Set(
    found.filter((doc) => canRead(viewer.clearance, doc.classification)).map((doc) => doc._id),
  );
  rejectProblems(
    wanted.filter((id) => !readable.has(id)).map((id) => `找不到文件“${id}”，或无权引用`),
  );
}
