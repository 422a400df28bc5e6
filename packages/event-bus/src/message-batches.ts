export type BatchingOptions = {
  /** Most items in one batch. */
  maxSize: number;
  /**
   * How long a batch waits for more items after its first. Short: it only lets items that are
   * already on their way join, so a lone event is not held back noticeably.
   */
  lingerMs: number;
};

const LINGER_OVER = Symbol('linger over');

/**
 * Groups an async sequence into batches: everything that arrives within `lingerMs` of a batch's
 * first item, up to `maxSize`. A backlog therefore fills whole batches at once, while a trickle
 * becomes batches of one after a few milliseconds. The read that outlives a batch's linger is
 * kept for the next batch, never dropped.
 */
export async function* inBatches<T>(
  source: AsyncIterable<T>,
  { maxSize, lingerMs }: BatchingOptions,
): AsyncGenerator<T[]> {
  if (!Number.isInteger(maxSize) || maxSize < 1) {
    throw new RangeError(`batch maxSize must be a positive integer, got ${maxSize}`);
  }
  const iterator = source[Symbol.asyncIterator]();
  let pending: Promise<IteratorResult<T>> | undefined;
  const next = () => (pending ??= iterator.next());

  for (;;) {
    const first = await next();
    pending = undefined;
    if (first.done) return;
    const batch = [first.value];
    let ended = false;
    let timer: NodeJS.Timeout | undefined;
    const lingerOver = new Promise<typeof LINGER_OVER>((resolve) => {
      timer = setTimeout(() => resolve(LINGER_OVER), lingerMs);
    });
    try {
      while (batch.length < maxSize) {
        const result = await Promise.race([next(), lingerOver]);
        if (result === LINGER_OVER) break;
        pending = undefined;
        if (result.done) {
          ended = true;
          break;
        }
        batch.push(result.value);
      }
    } finally {
      clearTimeout(timer);
    }
    yield batch;
    if (ended) return;
  }
}
