import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSdl, loadSubgraphTypeDefs, readSubgraphSdl } from './load-sdl.js';

const LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';

describe('loading SDL files', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'heli-sdl-'));
    await mkdir(join(dir, 'organisation'));
    await mkdir(join(dir, 'duties'));
    await writeFile(
      join(dir, 'organisation', 'office.graphql'),
      `${LINK}\ntype Query { office(id: ID!): Office }\ntype Office @key(fields: "id") { id: ID! }`,
    );
    await writeFile(
      join(dir, 'duties', 'duty.graphql'),
      `${LINK}\nextend type Query { duty(id: ID!): Duty }\ntype Duty @key(fields: "id") { id: ID! }`,
    );
    await writeFile(join(dir, 'duties', 'duty.ts'), 'export {};');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('loadSdl parses one file given by URL', () => {
    const document = loadSdl(pathToFileURL(join(dir, 'organisation', 'office.graphql')));
    expect(document.definitions).toHaveLength(3);
  });

  it('loadSdl names the file when it cannot be parsed', async () => {
    await writeFile(join(dir, 'broken.graphql'), 'type Query {');
    expect(() => loadSdl(pathToFileURL(join(dir, 'broken.graphql')))).toThrow(/broken\.graphql/);
  });

  it('loadSubgraphTypeDefs finds every .graphql file below a folder, in path order', () => {
    const documents = loadSubgraphTypeDefs(dir);
    expect(documents).toHaveLength(2);
    // duties/ sorts before organisation/
    expect(JSON.stringify(documents[0])).toContain('Duty');
  });

  it('readSubgraphSdl gives one document that links federation once and builds', () => {
    const sdl = readSubgraphSdl(dir);
    expect(sdl.match(/@link\(/g)).toHaveLength(1);
    expect(() => buildSubgraphSchema({ typeDefs: parse(sdl) })).not.toThrow();
  });

  it('readSubgraphSdl refuses a folder without SDL', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'heli-sdl-empty-'));
    try {
      expect(() => readSubgraphSdl(empty)).toThrow(/No \.graphql files/);
    } finally {
      await rm(empty, { recursive: true });
    }
  });
});
