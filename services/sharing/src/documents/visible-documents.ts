import type { SharingContext } from '../context.js';
import type { DocumentRecord } from './documents.model.js';

/**
 * A document by id as the viewer may see it — null when it does not exist or they may not see
 * it — with the view audited. Every field that returns a `Document` goes through here.
 */
export async function viewDocument(
  ctx: SharingContext,
  id: string,
  via: string,
): Promise<DocumentRecord | null> {
  const document = await ctx.loaders.document.load(id);
  const [recorded] = await ctx.loaders.documentViews.record([document], via);
  return recorded ?? null;
}
