import type { PageRequest } from '@heli/subgraph-runtime';

/** Lists show records in the order they were set up (see `nextSequence`). */
export const IN_ORDER_OF_CREATION: NonNullable<PageRequest['sort']> = { field: 'sequence' };
