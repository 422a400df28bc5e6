import { apiSchemaOf, hashOf } from './compose.js';
import { splitOperations } from './operation-usage.js';
import { checkProposal, type CheckReport } from './schema-check.js';
import type { ClientOperations, RegistryState } from './registry-state.js';
import { CLIENT_NAME, RegistryConflictError, type SchemaRegistry } from './registry-store.js';
import { validate, parse } from 'graphql';

export interface SubgraphProposal {
  name: string;
  url: string;
  version: string;
  sdl: string;
}

export type PublishOutcome = CheckReport & {
  /** `published`: the registry now holds it; `unchanged`: it already did; `refused`; `checked` (dry run). */
  status: 'published' | 'unchanged' | 'refused' | 'checked';
  revision?: number;
};

/** Publishes racing this one are retried against the new state this many times. */
const MAX_ATTEMPTS = 5;

/**
 * Checks a subgraph's new SDL against the registry (see checkProposal) and, if accepted and not a
 * dry run, commits it together with the newly composed supergraph in one compare-and-set. If
 * another publish lands in between, the check runs again against what it published.
 */
export async function publishSubgraph(
  registry: SchemaRegistry,
  proposal: SubgraphProposal,
  opts: { dryRun?: boolean; now?: () => Date } = {},
): Promise<PublishOutcome> {
  const now = opts.now ?? (() => new Date());
  for (let attempt = 1; ; attempt += 1) {
    const current = await registry.readState();
    const report = await checkProposal(current?.state, proposal, await registry.readOperations());
    if (!report.accepted || report.supergraphSdl === undefined) {
      return { ...report, status: 'refused' };
    }
    const published = current?.state.subgraphs.find((s) => s.name === proposal.name);
    if (
      published &&
      published.sdl === proposal.sdl &&
      published.url === proposal.url &&
      published.version === proposal.version
    ) {
      return { ...report, status: 'unchanged', ...(current && { revision: current.revision }) };
    }
    if (opts.dryRun) return { ...report, status: 'checked' };

    const publishedAt = now().toISOString();
    const state: RegistryState = {
      format: 1,
      subgraphs: report.subgraphs.map((s) =>
        s.name === proposal.name
          ? { ...proposal, publishedAt }
          : // checkProposal built the list from the current state, so each other one is there.
            current!.state.subgraphs.find((p) => p.name === s.name)!,
      ),
      supergraphSdl: report.supergraphSdl,
      hash: hashOf(report.supergraphSdl),
      change: { subgraph: proposal.name, version: proposal.version, kind: 'publish' },
      composedAt: publishedAt,
    };
    try {
      const revision = await registry.commitState(state, current?.revision);
      return { ...report, status: 'published', revision };
    } catch (error) {
      if (!(error instanceof RegistryConflictError) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

/**
 * Registers the named operations a client runs, replacing its earlier set. Each must validate
 * against the current supergraph: an operation that already fails would block every publish.
 */
export async function registerOperations(
  registry: SchemaRegistry,
  client: string,
  source: string,
  opts: { now?: () => Date } = {},
): Promise<{ operations: string[]; revision: number }> {
  if (!CLIENT_NAME.test(client))
    throw new Error(`client name '${client}': use letters, digits, - and _`);
  const operations = splitOperations(source);
  if (operations.length === 0) throw new Error('no named operation in the given documents');
  const current = await registry.readState();
  if (current) {
    const schema = apiSchemaOf(current.state.supergraphSdl);
    const problems = operations.flatMap((op) =>
      validate(schema, parse(op.document)).map((e) => `${op.name}: ${e.message}`),
    );
    if (problems.length > 0) {
      throw new Error(
        `operations do not validate against the published supergraph:\n  ${problems.join('\n  ')}`,
      );
    }
  }
  const record: ClientOperations = {
    client,
    operations,
    registeredAt: (opts.now ?? (() => new Date()))().toISOString(),
  };
  const revision = await registry.putOperations(record);
  return { operations: operations.map((op) => op.name), revision };
}

/**
 * Puts back the state before the current one (or the one at `toRevision`) as a new revision, so
 * the gateway swaps back to it. No compatibility check: a rollback restores what ran before.
 */
export async function rollback(
  registry: SchemaRegistry,
  opts: { toRevision?: number; now?: () => Date } = {},
): Promise<{ revision: number; restored: StoredSummary }> {
  const history = await registry.stateHistory();
  const current = history[0];
  if (!current) throw new Error('the registry holds no supergraph yet');
  const target =
    opts.toRevision === undefined
      ? history.find((s) => s.state.hash !== current.state.hash)
      : history.find((s) => s.revision === opts.toRevision);
  if (!target) {
    throw new Error(
      opts.toRevision === undefined
        ? 'no earlier, different supergraph in the registry history'
        : `revision ${opts.toRevision} is not in the registry history`,
    );
  }
  const composedAt = (opts.now ?? (() => new Date()))().toISOString();
  const revision = await registry.commitState(
    {
      ...target.state,
      change: { subgraph: '*', version: `revision ${target.revision}`, kind: 'rollback' },
      composedAt,
    },
    current.revision,
  );
  return { revision, restored: { revision: target.revision, hash: target.state.hash } };
}

export interface StoredSummary {
  revision: number;
  hash: string;
}
