/**
 * What `Division` fields receive as parent: the gateway's entity reference, or what a field of
 * this subgraph returns for a division. Responsibility owns everything else about it.
 */
export interface DivisionReference {
  id: string;
}
