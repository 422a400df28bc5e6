/*
 * Files in a data directory:
 *   journal-<first sequence number>.wal    journal segments, append-only
 *   snapshot-<last covered sequence>.snap  full state after that record
 *   snapshot-<...>.snap.tmp                a snapshot being written (discarded at start-up)
 *   embedded-mongo.lock                    the owning process
 * Numbers are zero-padded so names sort in sequence order.
 */
const SEGMENT = /^journal-(\d{20})\.wal$/;
const SNAPSHOT = /^snapshot-(\d{20})\.snap$/;
const TEMPORARY = /\.tmp$/;

export const LOCK_FILE_NAME = 'embedded-mongo.lock';

export type SegmentFile = { name: string; firstSeq: bigint };
export type SnapshotFile = { name: string; coveredSeq: bigint };
export type DataDirListing = {
  segments: SegmentFile[];
  snapshots: SnapshotFile[];
  temporaries: string[];
};

export function segmentFileName(firstSeq: bigint): string {
  return `journal-${pad(firstSeq)}.wal`;
}

export function snapshotFileName(coveredSeq: bigint): string {
  return `snapshot-${pad(coveredSeq)}.snap`;
}

export function temporaryFileName(finalName: string): string {
  return `${finalName}.tmp`;
}

/** Sorts segments by first sequence and snapshots by covered sequence, oldest first. */
export function parseDataDirListing(names: readonly string[]): DataDirListing {
  const listing: DataDirListing = { segments: [], snapshots: [], temporaries: [] };
  for (const name of names) {
    const segment = SEGMENT.exec(name);
    const snapshot = SNAPSHOT.exec(name);
    if (segment?.[1] !== undefined) listing.segments.push({ name, firstSeq: BigInt(segment[1]) });
    else if (snapshot?.[1] !== undefined)
      listing.snapshots.push({ name, coveredSeq: BigInt(snapshot[1]) });
    else if (TEMPORARY.test(name)) listing.temporaries.push(name);
  }
  listing.segments.sort((a, b) => compare(a.firstSeq, b.firstSeq));
  listing.snapshots.sort((a, b) => compare(a.coveredSeq, b.coveredSeq));
  return listing;
}

function pad(seq: bigint): string {
  return seq.toString().padStart(20, '0');
}

function compare(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
