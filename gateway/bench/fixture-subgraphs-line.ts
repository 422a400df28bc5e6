/** How run-fixture-subgraphs.ts announces its subgraphs on stdout: this prefix, then JSON. */
export const FIXTURE_LINE_PREFIX = 'fixture-subgraphs ';

export interface FixtureSubgraphsLine {
  catalogueUrl: string;
  staffingUrl: string;
  supergraphPath: string;
}
