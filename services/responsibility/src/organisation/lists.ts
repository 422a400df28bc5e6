import type { PageRequest } from '@heli/subgraph-runtime';

/** The Relay arguments every list field takes. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** Lists show records in the order they were set up (see `nextSequence`). */
export const IN_ORDER_OF_CREATION: NonNullable<PageRequest['sort']> = { field: 'sequence' };
