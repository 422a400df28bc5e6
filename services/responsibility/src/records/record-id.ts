import { randomUUID } from 'node:crypto';

export type RecordKind = 'assignment' | 'progress-report' | 'reminder' | 'difficulty' | 'duty';

/** Ids of work records share the organisation's shape: a readable prefix and a UUID. */
export function newRecordId(kind: RecordKind): string {
  return `${kind}-${randomUUID()}`;
}
