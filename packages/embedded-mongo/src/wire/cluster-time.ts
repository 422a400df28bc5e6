import { Binary, Long, serialize, Timestamp, type Document } from 'bson';

/**
 * The cluster time this one-member replica set gossips: every reply carries `$clusterTime`
 * and `operationTime`, so drivers can give causally consistent sessions an `afterClusterTime`
 * (always satisfied here: this single member has applied everything it acknowledged). It is
 * (seconds, increment) and moves forward with every reply, as mongod's does with its writes.
 *
 * An OP_MSG reply gets the two fields as BSON elements encoded once and patched with the time,
 * appended after the handler's reply (`elements`). Serialising them with each reply, and
 * decoding nothing of them, was most of what cluster time added to a small command.
 */
export class ClusterTime {
  private seconds = 0;
  private increment = 0;
  private readonly elements: Buffer;
  private readonly timestampOffsets: number[];

  constructor() {
    const marker = Timestamp.fromBits(0x5eed5eed, 0x5eed5eed);
    const encoded = serialize({
      $clusterTime: { clusterTime: marker, signature: SIGNATURE },
      operationTime: marker,
    });
    // A document is its int32 length, its elements and a 0 byte; keep the elements.
    this.elements = Buffer.from(encoded.subarray(4, encoded.length - 1));
    this.timestampOffsets = [];
    for (let at = this.elements.indexOf(MARKER_BYTES); at >= 0;) {
      this.timestampOffsets.push(at);
      at = this.elements.indexOf(MARKER_BYTES, at + 8);
    }
    if (this.timestampOffsets.length !== 2) throw new Error('cluster time template not found');
  }

  /**
   * Advances the time and returns `$clusterTime` and `operationTime` as BSON elements, to be
   * copied into a reply before the next call (the buffer is reused).
   */
  nextElements(): Buffer {
    this.advance();
    for (const at of this.timestampOffsets) {
      this.elements.writeUInt32LE(this.increment, at);
      this.elements.writeUInt32LE(this.seconds, at + 4);
    }
    return this.elements;
  }

  /** Advances the time and returns the two fields as a document (the legacy OP_QUERY reply). */
  nextFields(): Document {
    this.advance();
    const time = Timestamp.fromBits(this.increment, this.seconds);
    return { $clusterTime: { clusterTime: time, signature: SIGNATURE }, operationTime: time };
  }

  private advance(): void {
    const now = Math.floor(Date.now() / 1000);
    if (now > this.seconds) {
      this.seconds = now;
      this.increment = 1;
    } else {
      this.increment++;
    }
  }
}

/** Without authentication mongod signs with an all-zero hash and key id 0. */
const SIGNATURE = { hash: new Binary(Buffer.alloc(20), 0), keyId: Long.ZERO };

/** A timestamp is its increment then its seconds, each uint32 little-endian. */
const MARKER_BYTES = Buffer.from([0xed, 0x5e, 0xed, 0x5e, 0xed, 0x5e, 0xed, 0x5e]);
