import { isDuplicateKeyError } from './to-public-error.js';

/**
 * Runs a write again when it lost a race on a unique index: another request inserted the same
 * key between this one's check and its commit. The second run reads the winner's record, so its
 * own check answers as it would have without the race (a CONFLICT in the service's words, or —
 * where the winner is hidden from the caller — nothing about it), rather than a bare duplicate-key
 * error. Once is enough: the record it collided with is committed.
 */
export async function retryOnDuplicateKey<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    return write();
  }
}
