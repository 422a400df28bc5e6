import { createHash } from 'node:crypto';

/**
 * A seeded pseudo-random generator (sfc32, seeded from SHA-256 of the seed text): the same seed
 * gives the same numbers on every machine and Node version, so a recorded seed lets anyone redraw
 * a spot-check sample and see that nobody picked it by hand.
 */
export function seededRandom(seed: string): () => number {
  const digest = createHash('sha256').update(seed, 'utf8').digest();
  let a = digest.readUInt32LE(0);
  let b = digest.readUInt32LE(4);
  let c = digest.readUInt32LE(8);
  let d = digest.readUInt32LE(12);
  return () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}
