import { byIdLoader, type LoaderScope } from '@heli/subgraph-runtime';
import type { ResponsibilityModels } from './models.js';

/** Per-request DataLoaders: every lookup by id, `__resolveReference` included, batches here. */
export function createResponsibilityLoaders({ models }: LoaderScope<ResponsibilityModels>) {
  return {
    office: byIdLoader(models.offices),
    division: byIdLoader(models.divisions),
    staff: byIdLoader(models.staff),
  };
}

export type ResponsibilityLoaders = ReturnType<typeof createResponsibilityLoaders>;
