import { createHash } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import type { SupergraphManager, SupergraphSdlUpdateFunction } from '@apollo/gateway';
import type { Logger } from '@heli/service-kit';

/** Editors and deploy tools write a file in several steps; wait for them to settle before reading. */
const DEFAULT_DEBOUNCE_MS = 200;

export type SupergraphReloadOutcome =
  | { status: 'updated'; hash: string }
  | { status: 'unchanged'; hash: string }
  | { status: 'rejected'; reason: string };

/**
 * Serves the supergraph from a file and swaps in a new one whenever the file changes, without a
 * restart. The new SDL goes through the gateway's `update` callback, which builds the new schema
 * and query planner before switching: requests already running finish on the schema they started
 * with, later ones use the new one, none is dropped. A file that cannot be read or is not a valid
 * supergraph is logged and the running schema is kept.
 *
 * The directory rather than the file is watched: tools that replace a file by renaming a temporary
 * one over it (as `pnpm compose`, editors and Kubernetes ConfigMaps do) would leave a watch on the
 * old inode blind to every later change.
 */
export class SupergraphFileSource implements SupergraphManager {
  readonly path: string;
  private readonly logger: Logger;
  private readonly debounceMs: number;
  private watcher: FSWatcher | undefined;
  private debounceTimer: NodeJS.Timeout | undefined;
  private update: SupergraphSdlUpdateFunction | undefined;
  private currentHash: string | undefined;
  // Reloads run one after another, so two quick writes cannot race to `update`.
  private reloadChain: Promise<unknown> = Promise.resolve();
  private readonly reloadListeners = new Set<(outcome: SupergraphReloadOutcome) => void>();

  constructor(path: string, opts: { logger: Logger; debounceMs?: number }) {
    this.path = resolve(path);
    this.logger = opts.logger.child({ component: 'supergraph-source', path: this.path });
    this.debounceMs = opts.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  }

  async initialize({
    update,
  }: {
    update: SupergraphSdlUpdateFunction;
  }): Promise<{ supergraphSdl: string; cleanup: () => Promise<void> }> {
    const supergraphSdl = await this.readSupergraph();
    this.currentHash = hashOf(supergraphSdl);
    this.update = update;
    const fileName = basename(this.path);
    this.watcher = watch(dirname(this.path), (_event, changed) => {
      if (changed === null || changed.toString() === fileName) this.scheduleReload();
    });
    this.watcher.on('error', (error) =>
      this.logger.error({ err: error }, 'watching the supergraph file failed'),
    );
    this.logger.info({ hash: this.currentHash }, 'supergraph loaded');
    return { supergraphSdl, cleanup: () => this.stop() };
  }

  /** Re-reads the file now (also what a detected change ends in). */
  reload(): Promise<SupergraphReloadOutcome> {
    const next = this.reloadChain.then(() => this.reloadOnce());
    this.reloadChain = next;
    return next;
  }

  /** Called after every reload attempt, e.g. to log or to wait for one in tests. */
  onReload(listener: (outcome: SupergraphReloadOutcome) => void): () => void {
    this.reloadListeners.add(listener);
    return () => this.reloadListeners.delete(listener);
  }

  async stop(): Promise<void> {
    clearTimeout(this.debounceTimer);
    this.watcher?.close();
    this.watcher = undefined;
    await this.reloadChain;
  }

  private scheduleReload(): void {
    if (!this.watcher) return;
    clearTimeout(this.debounceTimer);
    this.debounceTimer = setTimeout(() => void this.reload(), this.debounceMs);
  }

  private async reloadOnce(): Promise<SupergraphReloadOutcome> {
    const outcome = await this.tryReload();
    if (outcome.status === 'updated')
      this.logger.info({ hash: outcome.hash }, 'supergraph reloaded');
    if (outcome.status === 'rejected') {
      this.logger.error(
        { reason: outcome.reason },
        'new supergraph rejected; still serving the previous one',
      );
    }
    for (const listener of this.reloadListeners) listener(outcome);
    return outcome;
  }

  private async tryReload(): Promise<SupergraphReloadOutcome> {
    if (!this.update)
      return { status: 'rejected', reason: 'the gateway has not loaded the supergraph yet' };
    let supergraphSdl: string;
    try {
      supergraphSdl = await this.readSupergraph();
    } catch (error) {
      return { status: 'rejected', reason: messageOf(error) };
    }
    const hash = hashOf(supergraphSdl);
    if (hash === this.currentHash) return { status: 'unchanged', hash };
    try {
      // Throws, leaving the running schema in place, when the SDL is not a valid supergraph.
      this.update(supergraphSdl);
    } catch (error) {
      return { status: 'rejected', reason: messageOf(error) };
    }
    this.currentHash = hash;
    return { status: 'updated', hash };
  }

  private async readSupergraph(): Promise<string> {
    let sdl: string;
    try {
      sdl = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      throw new Error(
        `No supergraph file at ${this.path}: run \`pnpm compose\` or set SUPERGRAPH_PATH`,
        { cause: error },
      );
    }
    if (sdl.trim() === '') throw new Error(`${this.path} is empty`);
    return sdl;
  }
}

function hashOf(sdl: string): string {
  return createHash('sha256').update(sdl).digest('hex').slice(0, 16);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
