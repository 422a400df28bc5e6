import { calculateObjectSize, Long, type Document } from 'bson';

/** MongoDB caps a reply at 16 MiB of documents; a batch stops before crossing it. */
export const MAX_BATCH_BYTES = 16 * 1024 * 1024;

export type OpenCursor = {
  id: Long;
  ns: string;
  /** Results are materialised as references to immutable documents, so no snapshot copy is needed. */
  docs: Document[];
  position: number;
  /** Applied to each document as it is sent (projection), so unsent documents cost nothing. */
  shape: (doc: Document) => Document;
  lastUsed: number;
};

const IDLE_TIMEOUT_MS = 10 * 60_000;

export class CursorRegistry {
  private readonly cursors = new Map<string, OpenCursor>();
  private nextId = 1n;

  /** Takes the first batch; registers a cursor only if documents remain. */
  open(
    ns: string,
    docs: Document[],
    shape: (d: Document) => Document,
    batchSize: number | undefined,
    singleBatch: boolean,
  ): { id: Long; batch: Document[] } {
    const cursor: OpenCursor = {
      id: Long.ZERO,
      ns,
      docs,
      position: 0,
      shape,
      lastUsed: Date.now(),
    };
    const batch = takeBatch(cursor, batchSize ?? 101);
    if (singleBatch || cursor.position >= docs.length) return { id: Long.ZERO, batch };
    cursor.id = Long.fromBigInt(this.nextId++);
    this.cursors.set(cursor.id.toString(), cursor);
    return { id: cursor.id, batch };
  }

  get(id: Long | number): OpenCursor | undefined {
    return this.cursors.get(String(id));
  }

  next(cursor: OpenCursor, batchSize: number | undefined): { id: Long; batch: Document[] } {
    cursor.lastUsed = Date.now();
    const batch = takeBatch(cursor, batchSize ?? Infinity);
    if (cursor.position >= cursor.docs.length) {
      this.cursors.delete(cursor.id.toString());
      return { id: Long.ZERO, batch };
    }
    return { id: cursor.id, batch };
  }

  kill(id: Long | number): boolean {
    return this.cursors.delete(String(id));
  }

  closeIdle(now = Date.now()): void {
    for (const [key, cursor] of this.cursors)
      if (now - cursor.lastUsed > IDLE_TIMEOUT_MS) this.cursors.delete(key);
  }
}

function takeBatch(cursor: OpenCursor, batchSize: number): Document[] {
  const batch: Document[] = [];
  let bytes = 0;
  const limit = batchSize <= 0 ? Infinity : batchSize;
  while (cursor.position < cursor.docs.length && batch.length < limit) {
    const doc = cursor.shape(cursor.docs[cursor.position]!);
    const size = calculateObjectSize(doc);
    if (batch.length > 0 && bytes + size > MAX_BATCH_BYTES) break;
    batch.push(doc);
    bytes += size;
    cursor.position++;
  }
  return batch;
}
