import type { Document } from 'bson';
import os from 'node:os';
import type { CommandContext } from './command-context.js';
import { MAX_BSON_OBJECT_SIZE } from './insert.js';

export const SERVER_VERSION = '8.0.0';

export const ping = (): Document => ({ ok: 1 });

export function buildInfo(): Document {
  return {
    version: SERVER_VERSION,
    gitVersion: 'heli-embedded',
    versionArray: [8, 0, 0, 0],
    bits: 64,
    debug: false,
    maxBsonObjectSize: MAX_BSON_OBJECT_SIZE,
    storageEngines: ['heli-embedded'],
    modules: [],
    ok: 1,
  };
}

const PARAMETERS: Document = {
  featureCompatibilityVersion: { version: '8.0' },
  transactionLifetimeLimitSeconds: 60,
  maxTransactionLockRequestTimeoutMillis: 5,
  authenticationMechanisms: [],
};

export function getParameter(ctx: CommandContext): Document {
  const wanted = ctx.command.getParameter;
  if (
    wanted === '*' ||
    (typeof wanted === 'object' && wanted !== null && (wanted as Document).allParameters)
  ) {
    return { ...PARAMETERS, ok: 1 };
  }
  const out: Document = {};
  for (const key of Object.keys(ctx.command)) if (key in PARAMETERS) out[key] = PARAMETERS[key];
  return { ...out, ok: 1 };
}

export function hostInfo(): Document {
  return {
    system: {
      currentTime: new Date(),
      hostname: os.hostname(),
      cpuAddrSize: 64,
      numCores: os.cpus().length,
      memSizeMB: Math.round(os.totalmem() / 1048576),
    },
    os: { type: os.type(), name: os.platform(), version: os.release() },
    extra: {},
    ok: 1,
  };
}

/** serverStatus with the query counters tests and the benchmark read (metrics.queryExecutor). */
export function serverStatus(ctx: CommandContext): Document {
  const c = ctx.server.counters;
  return {
    host: ctx.server.address,
    version: SERVER_VERSION,
    process: 'heli-embedded-mongo',
    pid: process.pid,
    uptime: Math.floor((Date.now() - ctx.server.startedAt.getTime()) / 1000),
    localTime: new Date(),
    metrics: {
      queryExecutor: {
        scanned: c.scannedKeys,
        scannedObjects: c.scannedObjects,
        collectionScans: { total: c.collectionScans },
      },
      commands: { total: c.commands },
    },
    network: { queuedReplyBytes: ctx.server.queuedReplyBytes() },
    heli: {
      indexScans: c.indexScans,
      collectionScans: c.collectionScans,
      commandsByNamespace: Object.fromEntries(c.commandsByNamespace),
    },
    ok: 1,
  };
}

export function whatsmyuri(): Document {
  return { you: '127.0.0.1', ok: 1 };
}

export function connectionStatus(): Document {
  return { authInfo: { authenticatedUsers: [], authenticatedUserRoles: [] }, ok: 1 };
}

export function getCmdLineOpts(): Document {
  return { argv: process.argv, parsed: {}, ok: 1 };
}
