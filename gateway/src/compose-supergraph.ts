import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { composeSubgraphs } from '@heli/schema-registry/compose';
import { readSubgraphSdl } from '@heli/subgraph-runtime';

/** One subgraph as composition sees it. */
export interface SubgraphDefinition {
  name: string;
  /** Where the gateway will route this subgraph's fetches. */
  url: string;
  sdl: string;
}

export interface CompositionProblem {
  code: string;
  message: string;
}

export type SupergraphComposition =
  | { ok: true; supergraphSdl: string; hints: CompositionProblem[] }
  | { ok: false; errors: CompositionProblem[] };

/** The `heli` field of a service's package.json that marks it as a subgraph. */
interface SubgraphManifest {
  subgraph: string;
  port: number;
}

/** A service folder that declares itself a subgraph in its package.json. */
export interface SubgraphService {
  name: string;
  /** The port `pnpm start` runs it on. */
  port: number;
  dir: string;
}

/**
 * Every `services/<x>/package.json` with a `heli: { subgraph, port }` field, in folder order:
 * adding such a folder is all it takes for `pnpm compose` and `pnpm start` to pick a subgraph up.
 */
export function findSubgraphServices(servicesDir: string): SubgraphService[] {
  return readdirSync(servicesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(servicesDir, entry.name))
    .sort()
    .flatMap((dir) => {
      const manifest = readManifest(join(dir, 'package.json'));
      return manifest ? [{ name: manifest.subgraph, port: manifest.port, dir }] : [];
    });
}

/**
 * Finds every `services/<x>/package.json` with a `heli: { subgraph, port }` field and reads that
 * service's SDL from `services/<x>/src`. The routing URL is `urlOverrides[name]` (from
 * `SUBGRAPH_URL_<NAME>`) or `http://127.0.0.1:<port>/graphql`, the port `pnpm start` runs it on.
 * A service whose SDL cannot be read is reported as a problem, next to the others, not thrown.
 */
export function discoverSubgraphs(
  servicesDir: string,
  urlOverrides: Readonly<Record<string, string>>,
): { subgraphs: SubgraphDefinition[]; problems: CompositionProblem[] } {
  const subgraphs: SubgraphDefinition[] = [];
  const problems: CompositionProblem[] = [];
  for (const service of findSubgraphServices(servicesDir)) {
    try {
      subgraphs.push({
        name: service.name,
        url: urlOverrides[service.name] ?? `http://127.0.0.1:${service.port}/graphql`,
        sdl: readSubgraphSdl(join(service.dir, 'src')),
      });
    } catch (error) {
      problems.push({
        code: 'INVALID_SUBGRAPH_SDL',
        message: `[${service.name}] ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }
  if (subgraphs.length === 0 && problems.length === 0) {
    problems.push({
      code: 'NO_SUBGRAPHS',
      message: `no services/*/package.json under ${servicesDir} has a "heli": { "subgraph", "port" } field`,
    });
  }
  return { subgraphs, problems };
}

/**
 * Composes subgraphs into a supergraph, returning every composition error rather than the first.
 * The schema registry composes the same way before it accepts a publish, so both use one function.
 */
export function composeSupergraph(subgraphs: readonly SubgraphDefinition[]): SupergraphComposition {
  return composeSubgraphs(subgraphs);
}

function readManifest(path: string): SubgraphManifest | undefined {
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
  const heli = (manifest as { heli?: unknown }).heli;
  if (typeof heli !== 'object' || heli === null) return undefined;
  const { subgraph, port } = heli as Record<string, unknown>;
  if (typeof subgraph !== 'string' || typeof port !== 'number') return undefined;
  return { subgraph, port };
}
