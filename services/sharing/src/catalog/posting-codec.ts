/**
 * One entry in a term's posting list: which entry (its `docNo`), how often the term occurs in it
 * (title words weighted), the entry's length in terms, and when it was published (for ties).
 */
export interface Posting {
  docNo: number;
  termFrequency: number;
  termCount: number;
  /** Seconds since the epoch. */
  publishedAt: number;
}

/**
 * Postings are packed 14 bytes each (uint32 docNo, uint16 frequency, uint32 length, uint32
 * publishedAt) into one binary field. A search reads tens of thousands of postings; as BSON
 * arrays of sub-documents that costs the server and the driver tens of microseconds each, as
 * binary it is one memory copy.
 */
export const POSTING_BYTES = 14;

export function encodePostings(postings: readonly Posting[]): Buffer {
  const buffer = Buffer.alloc(postings.length * POSTING_BYTES);
  postings.forEach((posting, index) => {
    const offset = index * POSTING_BYTES;
    buffer.writeUInt32LE(posting.docNo, offset);
    buffer.writeUInt16LE(Math.min(posting.termFrequency, 0xffff), offset + 4);
    buffer.writeUInt32LE(posting.termCount, offset + 6);
    buffer.writeUInt32LE(posting.publishedAt, offset + 10);
  });
  return buffer;
}

export function decodePostings(buffer: Uint8Array): Posting[] {
  const view = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const postings: Posting[] = [];
  for (let offset = 0; offset + POSTING_BYTES <= view.length; offset += POSTING_BYTES) {
    postings.push({
      docNo: view.readUInt32LE(offset),
      termFrequency: view.readUInt16LE(offset + 4),
      termCount: view.readUInt32LE(offset + 6),
      publishedAt: view.readUInt32LE(offset + 10),
    });
  }
  return postings;
}
