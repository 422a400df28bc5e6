import { composeSubgraphs, hashOf } from './compose.js';
import { publishSubgraph, registerOperations, type PublishOutcome } from './publish.js';
import type { SchemaRegistry } from './registry-store.js';
import type { WorkspaceSchemas } from './workspace-schemas.js';

/** One team's result; a subgraph whose SDL is the published one has nothing to check. */
export type TeamCheck =
  | { subgraph: string; sdlChanged: false }
  | { subgraph: string; sdlChanged: true; outcome: PublishOutcome };

/**
 * What CI runs for every team: fills an empty registry with what is published (`published` — the
 * subgraphs and the clients' operations as deployed), then checks each subgraph's proposed SDL
 * against the others as published, exactly as `pnpm schema check` would on deploy. Nothing
 * proposed is written, so each team is checked alone, as if it deployed first. Composition takes
 * most of the time, so a subgraph whose SDL did not change is not composed again.
 */
export async function checkEveryTeam(
  registry: SchemaRegistry,
  { published, proposed }: { published: WorkspaceSchemas; proposed: WorkspaceSchemas },
  now: () => Date = () => new Date(),
): Promise<TeamCheck[]> {
  await seedRegistry(registry, published, now);
  const checks: TeamCheck[] = [];
  for (const proposal of proposed.subgraphs) {
    const before = published.subgraphs.find((s) => s.name === proposal.name);
    if (before?.sdl === proposal.sdl) {
      checks.push({ subgraph: proposal.name, sdlChanged: false });
      continue;
    }
    const outcome = await publishSubgraph(registry, proposal, { dryRun: true, now });
    checks.push({ subgraph: proposal.name, sdlChanged: true, outcome });
  }
  return checks;
}

/**
 * Writes the published state in one commit, without checks: it is what already runs. (Publishing
 * the subgraphs one by one would compose partial sets, which need not compose — a subgraph may
 * `@require` a field only another defines.)
 */
async function seedRegistry(
  registry: SchemaRegistry,
  published: WorkspaceSchemas,
  now: () => Date,
): Promise<void> {
  if (published.subgraphs.length === 0) return;
  const composition = composeSubgraphs(published.subgraphs);
  if (!composition.ok) {
    throw new Error(
      `the published subgraphs do not compose: ${composition.errors.map((e) => e.message).join('; ')}`,
    );
  }
  const publishedAt = now().toISOString();
  const last = published.subgraphs.at(-1)!;
  await registry.commitState(
    {
      format: 1,
      subgraphs: published.subgraphs.map((s) => ({ ...s, publishedAt })),
      supergraphSdl: composition.supergraphSdl,
      hash: hashOf(composition.supergraphSdl),
      change: { subgraph: last.name, version: last.version, kind: 'publish' },
      composedAt: publishedAt,
    },
    undefined,
  );
  for (const { client, source } of published.clients) {
    await registerOperations(registry, client, source);
  }
}
