/**
 * A person, division or office as sharing hands it to the gateway: responsibility owns them, so
 * sharing only ever knows the id and the gateway fetches the rest.
 */
export interface EntityRef {
  id: string;
}
