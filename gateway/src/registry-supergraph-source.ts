import type { SupergraphManager, SupergraphSdlUpdateFunction } from '@apollo/gateway';
import { openSchemaRegistry, type StoredState } from '@heli/schema-registry';
import type { Logger } from '@heli/service-kit';
import { connect, type NatsConnection } from 'nats';
import type { SupergraphReloadOutcome } from './supergraph-source.js';

export interface RegistrySourceOptions {
  natsUrl: string;
  namespace: string;
  replicas: number;
  logger: Logger;
}

/**
 * Serves the supergraph the schema registry (@heli/schema-registry) holds and swaps in each new one
 * the registry commits, without a restart — the same swap as the file source: Apollo builds the new
 * schema and query planner first, requests already running finish on the schema they started with.
 *
 * A state the gateway cannot run (the registry's checks should prevent it; a hand-written key or a
 * version skew need not) is logged with its reason and the last good supergraph keeps serving.
 * Until anything is published the gateway waits (not ready), saying so in its log.
 */
export class RegistrySupergraphSource implements SupergraphManager {
  private readonly opts: RegistrySourceOptions;
  private readonly logger: Logger;
  private nc: NatsConnection | undefined;
  private stopWatching: (() => Promise<void>) | undefined;
  private update: SupergraphSdlUpdateFunction | undefined;
  private current: { hash: string; revision: number } | undefined;
  private readonly listeners = new Set<(outcome: SupergraphReloadOutcome) => void>();

  constructor(opts: RegistrySourceOptions) {
    this.opts = opts;
    this.logger = opts.logger.child({ component: 'registry-supergraph-source' });
  }

  async initialize({
    update,
  }: {
    update: SupergraphSdlUpdateFunction;
  }): Promise<{ supergraphSdl: string; cleanup: () => Promise<void> }> {
    const nc = await connect({
      servers: this.opts.natsUrl.split(','),
      name: 'heli-gateway-registry',
      // The running supergraph stays in memory; a lost connection only delays the next swap.
      maxReconnectAttempts: -1,
    }).catch((error: unknown) => {
      throw new Error(`Cannot connect to the schema registry's NATS at ${this.opts.natsUrl}`, {
        cause: error,
      });
    });
    this.nc = nc;
    const registry = await openSchemaRegistry(nc, {
      namespace: this.opts.namespace,
      replicas: this.opts.replicas,
    });

    let resolveFirst!: (sdl: string) => void;
    const first = new Promise<string>((resolve) => (resolveFirst = resolve));
    let initialised = false;
    this.stopWatching = await registry.watchState({
      onState: (stored) => {
        if (!initialised) {
          initialised = true;
          this.current = { hash: stored.state.hash, revision: stored.revision };
          this.logger.info(describe(stored), 'supergraph loaded from the registry');
          resolveFirst(stored.state.supergraphSdl);
          return;
        }
        this.apply(stored);
      },
      onInvalid: (revision, problem) => {
        this.logger.error(
          { revision, reason: problem },
          'registry state unreadable; still serving the last good supergraph',
        );
        this.emit({ status: 'rejected', reason: `revision ${revision}: ${problem}` });
      },
    });
    this.update = update;
    const waiting = setTimeout(
      () =>
        this.logger.warn(
          { bucket: registry.bucket },
          'no supergraph published in the registry yet; waiting for the first publish',
        ),
      2_000,
    );
    const supergraphSdl = await first.finally(() => clearTimeout(waiting));
    return { supergraphSdl, cleanup: () => this.stop() };
  }

  /** Called after every new registry state is tried, with what became of it. */
  onReload(listener: (outcome: SupergraphReloadOutcome) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async stop(): Promise<void> {
    await this.stopWatching?.();
    this.stopWatching = undefined;
    if (this.nc && !this.nc.isClosed()) await this.nc.drain();
  }

  private apply(stored: StoredState): void {
    if (!this.update) return;
    if (stored.state.hash === this.current?.hash) {
      this.current = { hash: stored.state.hash, revision: stored.revision };
      this.emit({ status: 'unchanged', hash: stored.state.hash });
      return;
    }
    try {
      // Throws, leaving the running schema in place, when the SDL is not a supergraph it can run.
      this.update(stored.state.supergraphSdl);
    } catch (error) {
      this.logger.error(
        { ...describe(stored), reason: messageOf(error), serving: this.current },
        'registry supergraph rejected; still serving the last good one',
      );
      this.emit({ status: 'rejected', reason: messageOf(error) });
      return;
    }
    this.current = { hash: stored.state.hash, revision: stored.revision };
    this.logger.info(describe(stored), 'supergraph reloaded from the registry');
    this.emit({ status: 'updated', hash: stored.state.hash });
  }

  private emit(outcome: SupergraphReloadOutcome): void {
    for (const listener of this.listeners) listener(outcome);
  }
}

function describe({ state, revision }: StoredState) {
  return {
    revision,
    hash: state.hash,
    change: `${state.change.kind} ${state.change.subgraph} ${state.change.version}`,
    subgraphs: state.subgraphs.map((s) => `${s.name}@${s.version}`),
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
