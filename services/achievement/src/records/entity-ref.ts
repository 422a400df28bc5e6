/**
 * A division, person, document or matter as achievement hands it to the gateway: other subgraphs
 * own them, so achievement only ever knows the id and the gateway fetches the rest.
 */
export interface EntityRef {
  id: string;
}
