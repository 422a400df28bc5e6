/** How run-fixtures.ts announces the fixture subgraphs on stdout: this prefix, then JSON. */
export const FIXTURES_LINE_PREFIX = 'fixtures ';
