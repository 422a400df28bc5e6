/**
 * A person, division, office or matter as interaction hands it to the gateway: responsibility owns
 * them, so interaction only ever knows the id and the gateway fetches the rest.
 */
export interface EntityRef {
  id: string;
}
