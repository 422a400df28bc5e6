/** The Relay arguments every list field takes. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
}
