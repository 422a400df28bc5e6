import { ObjectId } from 'bson';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import type { ServerState } from './commands/command-context.js';
import { FailPoints } from './commands/fail-points.js';
import { ServerCounters } from './commands/server-counters.js';
import { Connection } from './connection.js';
import { CursorRegistry } from './cursors/cursor-registry.js';
import { ClusterTime } from './wire/cluster-time.js';
import { openDurableStore } from './durability/durable-store.js';
import { silentLogger, type Logger } from './logger.js';
import { Engine } from './storage/engine.js';
import { sweepExpired } from './storage/ttl-monitor.js';
import { SessionRegistry } from './transactions/session-registry.js';

export type StartOptions = {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Omit to keep everything in memory. */
  dataDir?: string;
  logger?: Logger;
  /** How often expired TTL documents are removed; mongod uses 60 s. */
  ttlSweepIntervalMs?: number;
};

export type RunningServer = { uri: string; port: number; stop(): Promise<void> };

const DEFAULT_TTL_SWEEP_MS = 1000;
const HOUSEKEEPING_MS = 5000;

/** Starts the embedded MongoDB-wire server; resolves once it accepts connections. */
export async function start(opts: StartOptions = {}): Promise<RunningServer> {
  const logger = opts.logger ?? silentLogger;
  const host = opts.host ?? '127.0.0.1';
  const engine = await openEngine(opts.dataDir, logger);
  const sockets = new Set<Socket>();
  const connections = new Set<Connection>();
  let nextConnectionId = 1;

  const state: ServerState = {
    engine,
    sessions: new SessionRegistry(engine),
    cursors: new CursorRegistry(),
    counters: new ServerCounters(),
    failPoints: new FailPoints(),
    clusterTime: new ClusterTime(),
    logger,
    address: '',
    startedAt: new Date(),
    topologyProcessId: new ObjectId(),
    queuedReplyBytes: () => {
      let bytes = 0;
      for (const socket of sockets) bytes += socket.writableLength;
      return bytes;
    },
  };

  const server = createServer((socket) => {
    sockets.add(socket);
    const connection = new Connection(socket, state, nextConnectionId++);
    connections.add(connection);
    socket.on('close', () => {
      sockets.delete(socket);
      connections.delete(connection);
      state.failPoints.appNames.delete(connection.id);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  // After listening, an accept failure (e.g. out of file descriptors) must not kill the process.
  server.on('error', (error) => logger.error({ err: String(error) }, 'server socket error'));
  const port = (server.address() as AddressInfo).port;
  const advertisedHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  state.address = `${advertisedHost}:${port}`;

  let sweeping = false;
  const ttlTimer = setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    sweepExpired(engine, logger)
      .catch((error: unknown) => logger.error({ err: String(error) }, 'TTL sweep failed'))
      .finally(() => {
        sweeping = false;
      });
  }, opts.ttlSweepIntervalMs ?? DEFAULT_TTL_SWEEP_MS);
  const housekeepingTimer = setInterval(() => {
    state.sessions.expire();
    state.cursors.closeIdle();
  }, HOUSEKEEPING_MS);
  ttlTimer.unref();
  housekeepingTimer.unref();

  logger.info({ port, host, dataDir: opts.dataDir ?? null }, 'embedded MongoDB listening');
  let stopped: Promise<void> | undefined;
  return {
    uri: `mongodb://${advertisedHost}:${port}/?directConnection=true`,
    port,
    stop: () =>
      (stopped ??= (async () => {
        clearInterval(ttlTimer);
        clearInterval(housekeepingTimer);
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        for (const c of connections) c.close();
        await closed;
        state.sessions.abortAll();
        await engine.close();
        logger.info({ port }, 'embedded MongoDB stopped');
      })()),
  };
}

async function openEngine(dataDir: string | undefined, logger: Logger): Promise<Engine> {
  if (!dataDir) return new Engine(undefined, logger);
  const store = await openDurableStore({ dir: dataDir, logger });
  const started = Date.now();
  const { snapshot, records } = await store.recover();
  const engine = new Engine(store, logger);
  if (snapshot) engine.loadSnapshot(snapshot);
  for (const record of records) engine.applyRecord(record);
  logger.info(
    { dataDir, records: records.length, ms: Date.now() - started },
    'recovered data directory',
  );
  return engine;
}
