import type { Document } from 'bson';
import type { Socket } from 'node:net';
import { runCommand } from './commands/dispatcher.js';
import { CLOSE_CONNECTION } from './commands/fail-points.js';
import type { ServerState } from './commands/command-context.js';
import { helloReply, MAX_MESSAGE_SIZE_BYTES } from './commands/handshake.js';
import { MongoCommandError } from './errors/mongo-error.js';
import { MessageFramer } from './wire/message-framer.js';
import { OpCode, readHeader } from './wire/message-header.js';
import { encodeOpMsg, OpMsgFlag, parseOpMsg } from './wire/op-msg.js';
import { encodeOpReply, parseOpQuery } from './wire/op-query.js';

let nextRequestId = 1;
const newRequestId = (): number => {
  nextRequestId = (nextRequestId % 0x7fffffff) + 1;
  return nextRequestId;
};

/**
 * One client connection: frames messages, runs their commands one at a time (as mongod does per
 * connection), and answers. A message that cannot be framed closes only this connection; a
 * message that frames but does not parse gets an error reply.
 */
export class Connection {
  private readonly framer = new MessageFramer(MAX_MESSAGE_SIZE_BYTES);
  private queue: Promise<void> = Promise.resolve();
  private streamTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly socket: Socket,
    private readonly server: ServerState,
    readonly id: number,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', () => this.close());
    socket.on('close', () => this.close());
  }

  close(): void {
    clearTimeout(this.streamTimer);
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    const { messages, error } = this.framer.push(chunk);
    for (const message of messages) {
      this.queue = this.queue
        .then(() => this.handle(message))
        .catch((failure: unknown) => {
          this.server.logger.error(
            { connectionId: this.id, err: String(failure) },
            'connection handler failed',
          );
          this.close();
        });
    }
    if (error) {
      // Answer what arrived intact before the broken header, then close.
      this.queue = this.queue.then(() => {
        this.server.logger.warn(
          { connectionId: this.id, err: error.message },
          'closing connection: bad framing',
        );
        this.socket.end();
        this.close();
      });
    }
  }

  private async handle(message: Buffer): Promise<void> {
    const header = readHeader(message);
    if (header.opCode === OpCode.MSG) return this.handleOpMsg(message, header.requestId);
    if (header.opCode === OpCode.QUERY) return this.handleOpQuery(message, header.requestId);
    this.server.logger.warn(
      { connectionId: this.id, opCode: header.opCode },
      'closing connection: unsupported opCode',
    );
    this.close();
  }

  private async handleOpMsg(message: Buffer, requestId: number): Promise<void> {
    let flags = 0;
    let command: Document;
    try {
      ({ flags, command } = parseOpMsg(message));
    } catch (error) {
      this.send(encodeOpMsg(invalidMessage(error), newRequestId(), requestId));
      return;
    }
    const db = command.$db;
    if (typeof db !== 'string' || db.length === 0) {
      this.send(
        encodeOpMsg(
          new MongoCommandError('BadValue', 'OP_MSG requests require a $db argument').toReply(),
          newRequestId(),
          requestId,
        ),
      );
      return;
    }
    if (isAwaitableHello(command)) {
      this.streamHello(command, requestId, (flags & OpMsgFlag.exhaustAllowed) !== 0);
      return;
    }
    const reply = await runCommand(this.server, command, db, this.id);
    if (reply === CLOSE_CONNECTION) {
      this.close();
      return;
    }
    if (flags & OpMsgFlag.moreToCome) return;
    this.send(encodeReply(reply, requestId, this.server.clusterTime.nextElements()));
  }

  private async handleOpQuery(message: Buffer, requestId: number): Promise<void> {
    let reply: Document;
    try {
      const { collection, query } = parseOpQuery(message);
      const db = collection.slice(0, collection.indexOf('.'));
      reply = await runCommand(this.server, query, db || 'admin', this.id);
      if (reply !== CLOSE_CONNECTION) reply = { ...reply, ...this.server.clusterTime.nextFields() };
    } catch (error) {
      reply = invalidMessage(error);
    }
    this.send(encodeOpReply(reply, newRequestId(), requestId));
  }

  /**
   * The driver's monitor sends hello with maxAwaitTimeMS and, with exhaustAllowed, expects a
   * reply each time that passes (our topology never changes) flagged moreToCome.
   */
  private streamHello(command: Document, requestId: number, exhaust: boolean): void {
    const wait = Math.min(Number(command.maxAwaitTimeMS) || 0, 60_000);
    let responseTo = requestId;
    const tick = (): void => {
      if (this.socket.destroyed) return;
      const id = newRequestId();
      const reply = helloReply(this.server, this.id, !('hello' in command));
      this.send(encodeOpMsg(reply, id, responseTo, exhaust ? OpMsgFlag.moreToCome : 0));
      responseTo = id;
      if (!exhaust) return;
      // A client that streams but does not read must not make replies pile up in memory:
      // the next one waits until the socket has drained.
      if (this.socket.writableNeedDrain) {
        this.socket.once('drain', () => {
          this.streamTimer = setTimeout(tick, wait);
        });
      } else {
        this.streamTimer = setTimeout(tick, wait);
      }
    };
    this.streamTimer = setTimeout(tick, wait);
  }

  /**
   * Writes a reply. When the client stops reading and the socket's buffer is full, reading from
   * it pauses until the buffer drains: a client that pipelines requests without reading the
   * replies then holds at most one socket buffer of them here, not an unbounded queue.
   */
  private send(buffer: Buffer): void {
    if (this.socket.destroyed) return;
    if (!this.socket.write(buffer) && !this.socket.isPaused()) {
      this.socket.pause();
      this.socket.once('drain', () => this.socket.resume());
    }
  }
}

function isAwaitableHello(command: Document): boolean {
  const name = Object.keys(command)[0];
  return (
    (name === 'hello' || name === 'isMaster' || name === 'ismaster') &&
    command.maxAwaitTimeMS !== undefined &&
    command.topologyVersion !== undefined
  );
}

function invalidMessage(error: unknown): Document {
  return new MongoCommandError(
    'InvalidBSON',
    `invalid message: ${error instanceof Error ? error.message : String(error)}`,
  ).toReply();
}

function encodeReply(reply: Document, responseTo: number, clusterTime: Buffer): Buffer {
  try {
    return encodeOpMsg(reply, newRequestId(), responseTo, 0, clusterTime);
  } catch (error) {
    const failure = new MongoCommandError(
      'BSONObjectTooLarge',
      `reply could not be encoded: ${error instanceof Error ? error.message : String(error)}`,
    );
    return encodeOpMsg(failure.toReply(), newRequestId(), responseTo, 0, clusterTime);
  }
}
