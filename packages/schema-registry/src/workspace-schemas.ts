import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readSubgraphSdl } from '@heli/subgraph-runtime';
import { subgraphUrlFromEnv } from './env.js';
import type { SubgraphProposal } from './publish.js';

/** A client's operations as one GraphQL source (several files joined), ready to register. */
export interface ClientSource {
  client: string;
  source: string;
}

/** Every subgraph's SDL and every client's operations in one checkout of the repository. */
export interface WorkspaceSchemas {
  subgraphs: SubgraphProposal[];
  clients: ClientSource[];
}

/** Clients whose operations live in this repository: name → folder of `.graphql` documents. */
const CLIENT_FOLDERS: Record<string, string> = { console: 'packages/console/src' };

/**
 * Reads a checkout (the working tree, or an older commit extracted to a folder): each service with a
 * `"heli": { "subgraph", "port" }` field in its package.json, its SDL as `pnpm compose` reads it,
 * and the console's operations. `version` is recorded on every subgraph (a commit, "working tree").
 */
export function readWorkspaceSchemas(root: string, version: string): WorkspaceSchemas {
  const servicesDir = join(root, 'services');
  const subgraphs = readdirSync(servicesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(servicesDir, entry.name))
    .sort()
    .flatMap((dir): SubgraphProposal[] => {
      const manifest = readManifest(dir);
      const name = manifest?.heli?.subgraph;
      const port = manifest?.heli?.port;
      if (typeof name !== 'string' || typeof port !== 'number') return [];
      return [
        {
          name,
          url: subgraphUrlFromEnv(name) ?? `http://127.0.0.1:${port}/graphql`,
          version,
          sdl: readSubgraphSdl(join(dir, 'src')),
        },
      ];
    });
  const clients = Object.entries(CLIENT_FOLDERS).flatMap(([client, folder]) => {
    const files = graphqlFilesUnder(join(root, folder));
    if (files.length === 0) return [];
    return [{ client, source: files.map((file) => readFileSync(file, 'utf8')).join('\n') }];
  });
  return { subgraphs, clients };
}

function readManifest(dir: string): { heli?: { subgraph?: unknown; port?: unknown } } | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      heli?: { subgraph?: unknown; port?: unknown };
    };
  } catch {
    return undefined;
  }
}

function graphqlFilesUnder(root: string): string[] {
  let entries;
  try {
    entries = readdirSync(root, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.graphql'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !relative(root, file).split('/').includes('node_modules'))
    .sort();
}
