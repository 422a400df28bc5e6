import type { MatterRefRecord, WorkOriginRecord } from './lineage.model.js';

/** A lineage as the resolvers build it: only the hops the caller may see. */
export interface LineageView {
  origin: WorkOriginRecord | null;
  matters: MatterRefRecord[];
}
