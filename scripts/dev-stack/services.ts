import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export type SubgraphService = { name: string; packageName: string; port: number; dir: string };

/**
 * Every folder under services/ whose package.json declares `"heli": { "subgraph", "port" }` is a
 * subgraph. Adding a service folder is all it takes for `pnpm start` and `pnpm compose` to pick it up.
 */
export function discoverSubgraphServices(root: string): SubgraphService[] {
  const servicesDir = join(root, 'services');
  return readdirSync(servicesDir, { withFileTypes: true })
    .filter(
      (entry) => entry.isDirectory() && existsSync(join(servicesDir, entry.name, 'package.json')),
    )
    .map((entry) => {
      const dir = join(servicesDir, entry.name);
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name: string;
        heli?: { subgraph?: string; port?: number };
      };
      if (!manifest.heli?.subgraph || !manifest.heli.port) return null;
      return {
        name: manifest.heli.subgraph,
        packageName: manifest.name,
        port: manifest.heli.port,
        dir,
      };
    })
    .filter((service): service is SubgraphService => service !== null)
    .sort((a, b) => a.port - b.port);
}
