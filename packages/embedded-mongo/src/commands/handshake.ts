import { Long, ObjectId, type Document } from 'bson';
import type { CommandContext, ServerState } from './command-context.js';
import { MAX_BSON_OBJECT_SIZE } from './insert.js';

export const MAX_MESSAGE_SIZE_BYTES = 48_000_000;
export const MAX_WRITE_BATCH_SIZE = 100_000;
export const REPLICA_SET_NAME = 'heli';
const ELECTION_ID = new ObjectId('7fffffff0000000000000001');

/**
 * The hello/isMaster reply of a single-member replica-set primary: drivers only allow sessions
 * and transactions against replica sets, and wire versions 0–25 cover MongoDB 4.2 to 8.0.
 */
export function helloReply(server: ServerState, connectionId: number, legacy: boolean): Document {
  const now = new Date();
  return {
    ...(legacy ? { ismaster: true } : { isWritablePrimary: true }),
    helloOk: true,
    topologyVersion: { processId: server.topologyProcessId, counter: Long.ZERO },
    hosts: [server.address],
    setName: REPLICA_SET_NAME,
    setVersion: 1,
    secondary: false,
    primary: server.address,
    me: server.address,
    electionId: ELECTION_ID,
    lastWrite: { lastWriteDate: now, majorityWriteDate: now },
    maxBsonObjectSize: MAX_BSON_OBJECT_SIZE,
    maxMessageSizeBytes: MAX_MESSAGE_SIZE_BYTES,
    maxWriteBatchSize: MAX_WRITE_BATCH_SIZE,
    localTime: now,
    logicalSessionTimeoutMinutes: 30,
    connectionId,
    minWireVersion: 0,
    maxWireVersion: 25,
    readOnly: false,
    ok: 1,
  };
}

export function hello(ctx: CommandContext): Document {
  const legacy = !('hello' in ctx.command);
  const appName = (ctx.command.client as Document | undefined)?.application?.name as unknown;
  if (typeof appName === 'string') ctx.server.failPoints.appNames.set(ctx.connectionId, appName);
  return helloReply(ctx.server, ctx.connectionId, legacy);
}
