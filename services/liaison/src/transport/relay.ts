import type { Logger } from '@heli/service-kit';
import type { SubgraphRuntime } from '@heli/subgraph-runtime';
import type { Link } from '../links/links.config.js';
import type { LiaisonModels } from '../models.js';
import { linkTo, type LiaisonSettings } from '../settings.js';
import { INBOX_PATH } from './inbox-route.js';
import { signMessage } from './message-signing.js';
import type { OutgoingMessageRecord } from './outgoing-message.model.js';

const FIRST_RETRY_MS = 250;
const PASS_SIZE = 1_000;

export interface LiaisonRelay {
  /** Look for messages now, e.g. right after a transaction queued one. */
  wake(): void;
  stop(): Promise<void>;
}

type Outcome =
  | { kind: 'delivered' }
  | { kind: 'refused'; reason: string }
  | { kind: 'unreachable'; reason: string };

/** How long to wait before the next attempt; doubles per attempt up to `maxMs`. */
export function retryDelayMs(attempts: number, maxMs: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), maxMs);
}

export function inboxUrl(link: Pick<Link, 'url'>): string {
  return new URL(INBOX_PATH.slice(1), link.url.endsWith('/') ? link.url : `${link.url}/`).href;
}

/**
 * Delivers the liaison outbox: per office strictly in sequence order, one message at a time, so
 * every message — and so every matter's — arrives in the order it was written. A message stays
 * 待发送 while the other office cannot be reached (retried with back-off for as long as it takes)
 * and becomes 失败 only when that office refuses it; a failed one no longer holds the others back.
 * Offices are served in parallel. Several replicas may relay at once: the receiver's inbox drops
 * the duplicates, and each relay still sends in order, waiting for one answer before the next.
 */
export function startLiaisonRelay(
  runtime: SubgraphRuntime<LiaisonModels>,
  settings: LiaisonSettings,
  { maxRetryDelayMs = 10_000 }: { maxRetryDelayMs?: number } = {},
): LiaisonRelay {
  const { models } = runtime;
  const logger: Logger = runtime.logger.child({ component: 'liaison-relay' });
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;

  async function deliver(link: Link, record: OutgoingMessageRecord): Promise<Outcome> {
    let response: Response;
    try {
      const jws = await signMessage(record.message, settings.signingKey);
      response = await fetch(inboxUrl(link), {
        method: 'POST',
        headers: { 'content-type': 'application/jose+json' },
        body: JSON.stringify(jws),
        signal: AbortSignal.timeout(settings.relay.deliveryTimeoutMs),
      });
    } catch (error) {
      return { kind: 'unreachable', reason: `无法连接${link.name}：${(error as Error).message}` };
    }
    const answer = (await response.json().catch(() => ({}))) as { error?: unknown };
    if (response.ok) return { kind: 'delivered' };
    const reason = typeof answer.error === 'string' ? answer.error : `HTTP ${response.status}`;
    if (
      response.status >= 400 &&
      response.status < 500 &&
      response.status !== 408 &&
      response.status !== 429
    ) {
      return { kind: 'refused', reason: `${link.name}拒收：${reason}` };
    }
    return { kind: 'unreachable', reason: `${link.name}暂时无法接收：${reason}` };
  }

  async function settle(record: OutgoingMessageRecord, outcome: Outcome): Promise<void> {
    const now = settings.clock.now();
    const attempts = record.attempts + 1;
    if (outcome.kind === 'delivered') {
      await models.outgoingMessages.updateOne(
        { _id: record._id, status: 'PENDING' },
        { $set: { status: 'DELIVERED', attempts, deliveredAt: now, lastError: null } },
      );
    } else if (outcome.kind === 'refused') {
      logger.warn(
        { messageId: record._id, to: record.to, reason: outcome.reason },
        'message refused',
      );
      await models.outgoingMessages.updateOne(
        { _id: record._id, status: 'PENDING' },
        { $set: { status: 'FAILED', attempts, lastError: outcome.reason } },
      );
    } else {
      await models.outgoingMessages.updateOne(
        { _id: record._id, status: 'PENDING' },
        {
          $set: {
            attempts,
            lastError: outcome.reason,
            nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts, maxRetryDelayMs)),
          },
        },
      );
    }
  }

  async function deliverInOrder(to: string, records: OutgoingMessageRecord[]): Promise<void> {
    const link = linkTo(settings, to);
    const now = settings.clock.now();
    for (const record of records) {
      // Strictly in sequence per office: a message waiting for its next attempt holds back the
      // ones behind it, so the other office sees them in the order they were written.
      if (stopped || record.nextAttemptAt > now) return;
      const outcome: Outcome =
        link === undefined
          ? { kind: 'refused', reason: `本机关已不再与“${to}”联络` }
          : await deliver(link, record);
      await settle(record, outcome);
      if (outcome.kind === 'unreachable') return;
    }
  }

  async function pass(): Promise<void> {
    const pending = await models.outgoingMessages
      .find({ status: 'PENDING' })
      .sort({ sequence: 1 })
      .limit(PASS_SIZE)
      .lean();
    const byOffice = new Map<string, OutgoingMessageRecord[]>();
    for (const record of pending)
      byOffice.set(record.to, [...(byOffice.get(record.to) ?? []), record]);
    await Promise.all([...byOffice].map(([to, records]) => deliverInOrder(to, records)));
  }

  function schedule(delayMs: number): void {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, delayMs);
    timer.unref();
  }

  function run(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    again = false;
    running = pass()
      .catch((error: unknown) => logger.warn({ err: error }, 'relay pass failed; retrying'))
      .finally(() => {
        running = null;
        schedule(again ? 0 : settings.relay.intervalMs);
      });
  }

  const stop = async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running;
  };
  runtime.conn.once('close', () => void stop());
  run();

  return { wake: run, stop };
}
