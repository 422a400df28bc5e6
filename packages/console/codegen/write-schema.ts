/**
 * Writes the API schema the console is typed against: the supergraph composed from every
 * subgraph's SDL under services/ (as `pnpm compose` does), reduced to what clients see. The file
 * is not checked in — it follows the services — so adding a subgraph never makes the console's
 * checked-in types stale; only a change that breaks one of the console's own operations does.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Supergraph } from '@apollo/federation-internals';
import { composeSupergraph, discoverSubgraphs } from '@heli/gateway/compose';
import { printSchema } from 'graphql';

export const API_SCHEMA_PATH = fileURLToPath(
  new URL('../node_modules/.schema/api.graphql', import.meta.url),
);

export function apiSchemaSdl(): string {
  const servicesDir = fileURLToPath(new URL('../../../services', import.meta.url));
  const { subgraphs, problems } = discoverSubgraphs(servicesDir, {});
  const composition = problems.length === 0 ? composeSupergraph(subgraphs) : undefined;
  if (!composition?.ok) {
    const errors = composition?.errors ?? problems;
    throw new Error(
      `composition failed: ${errors.map((e) => `${e.code}: ${e.message}`).join('; ')}`,
    );
  }
  return printSchema(Supergraph.build(composition.supergraphSdl).apiSchema().toGraphQLJSSchema());
}

mkdirSync(dirname(API_SCHEMA_PATH), { recursive: true });
writeFileSync(API_SCHEMA_PATH, apiSchemaSdl());
