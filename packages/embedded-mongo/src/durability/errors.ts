/** The data on disk is damaged in a way recovery must not paper over; the server refuses to start. */
export class JournalCorruptionError extends Error {
  override readonly name = 'JournalCorruptionError';
}

/** Another live server holds the data directory. */
export class DataDirectoryLockedError extends Error {
  override readonly name = 'DataDirectoryLockedError';
}

/**
 * Writing or fsyncing the journal failed. The store stops accepting writes afterwards: after a
 * failed fsync the kernel may already have dropped the dirty pages, so retrying could
 * acknowledge data that never reaches the disk.
 */
export class JournalWriteError extends Error {
  override readonly name = 'JournalWriteError';
}

/** The store was closed; nothing more can be appended. */
export class DurableStoreClosedError extends Error {
  override readonly name = 'DurableStoreClosedError';
}
