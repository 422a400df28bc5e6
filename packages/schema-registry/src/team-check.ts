import { composeSubgraphs, hashOf } from './compose.js';
import {
  publishSubgraph,
  registerOperations,
  type PublishOutcome,
  type SubgraphProposal,
} from './publish.js';
import type { SchemaRegistry } from './registry-store.js';
import type { WorkspaceSchemas } from './workspace-schemas.js';

/**
 * One team's result; a subgraph whose SDL is the published one has nothing to check. `deployedAfter`
 * names the teams whose change had to be deployed first for this one to pass (empty: it passes alone).
 */
export type TeamCheck =
  | { subgraph: string; sdlChanged: false }
  | { subgraph: string; sdlChanged: true; outcome: PublishOutcome; deployedAfter: string[] };

/**
 * What CI runs for every team: fills a throwaway registry with what is published (`published` — the
 * subgraphs and the clients' operations as deployed), then checks each subgraph's proposed SDL
 * against the others as published, exactly as `pnpm schema check` would on deploy.
 *
 * A change set that spans teams (an entity one team starts to resolve and another starts to own)
 * may not pass for each team alone, yet be deployable in some order. So the teams that pass alone
 * are deployed into the throwaway registry and the refused ones checked again, until none passes
 * any more: a team stays refused only if no deploy order lets it in. Composition takes most of the
 * time, so a subgraph whose SDL did not change is not composed again.
 */
export async function checkEveryTeam(
  registry: SchemaRegistry,
  { published, proposed }: { published: WorkspaceSchemas; proposed: WorkspaceSchemas },
  now: () => Date = () => new Date(),
): Promise<TeamCheck[]> {
  await seedRegistry(registry, published, now);
  const results = new Map<string, TeamCheck>();
  let pending: SubgraphProposal[] = [];
  for (const proposal of proposed.subgraphs) {
    const before = published.subgraphs.find((s) => s.name === proposal.name);
    if (before?.sdl === proposal.sdl) {
      results.set(proposal.name, { subgraph: proposal.name, sdlChanged: false });
    } else {
      pending.push(proposal);
    }
  }
  const deployed: string[] = [];
  for (let round = 0; pending.length > 0; round += 1) {
    const stillRefused: SubgraphProposal[] = [];
    for (const proposal of pending) {
      const outcome = await publishSubgraph(registry, proposal, { dryRun: true, now });
      const deployedAfter = round === 0 ? [] : [...deployed];
      results.set(proposal.name, {
        subgraph: proposal.name,
        sdlChanged: true,
        outcome,
        deployedAfter,
      });
      if (outcome.status === 'refused') stillRefused.push(proposal);
    }
    const accepted = pending.filter((p) => !stillRefused.includes(p));
    let progress = false;
    for (const proposal of accepted) {
      // Deploying one accepted change can refuse the next; that one waits for another round.
      const outcome = await publishSubgraph(registry, proposal, { now });
      if (outcome.status === 'refused') {
        results.set(proposal.name, {
          subgraph: proposal.name,
          sdlChanged: true,
          outcome,
          deployedAfter: [...deployed],
        });
        stillRefused.push(proposal);
      } else {
        deployed.push(proposal.name);
        progress = true;
      }
    }
    if (!progress) break;
    pending = stillRefused;
  }
  return proposed.subgraphs.map((s) => results.get(s.name)!);
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
