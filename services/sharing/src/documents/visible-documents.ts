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

// The records a list handed out, with the list's name: objects of one request, dropped with it.
const listedRecords = new WeakMap<DocumentRecord, string>();

/**
 * Marks documents as listed (by `documents`, `searchDocuments`), not opened. Listing is not
 * viewing; reading a listed document's text is, and `Document.body` audits it under the list's
 * name. Opening a document (by id, as an entity, from another record) audits in `viewDocument`.
 */
export function markListed<T extends DocumentRecord>(documents: readonly T[], via: string): void {
  for (const document of documents) listedRecords.set(document, via);
}

/** The list a document record came from, or null when it was opened. */
export function listedBy(document: DocumentRecord): string | null {
  return listedRecords.get(document) ?? null;
}
