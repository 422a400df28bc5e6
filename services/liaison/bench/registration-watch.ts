import { connect, type NatsConnection } from 'nats';
import { natsSubject, sharingEvents } from '@heli/event-contracts';
import { testProcessEnv } from '@heli/testkit';
import type { TestOffice } from '../test/office-harness.js';

/**
 * When each office's sharing registered a 收文: sharing announces every document it registers
 * (`sharing.document-registered`, right after its transaction commits), so the bench listens on
 * each office's namespace instead of polling the databases it measures. The announcement comes a
 * publish after the commit, so the figures are, if anything, a little late.
 */
export class RegistrationWatch {
  private readonly seen = new Map<string, number>();
  private readonly waiting = new Map<string, (at: number) => void>();

  private constructor(private readonly nc: NatsConnection) {}

  static async start(offices: readonly TestOffice[]): Promise<RegistrationWatch> {
    const nc = await connect({ servers: testProcessEnv().NATS_URL });
    const watch = new RegistrationWatch(nc);
    for (const office of offices) {
      nc.subscribe(natsSubject(office.namespace, sharingEvents.documentRegistered), {
        callback: (error, msg) => {
          if (error) return;
          const at = Date.now();
          const { data } = msg.json<{ data: { documentId: string } }>();
          watch.record(`${office.id} ${data.documentId}`, at);
        },
      });
    }
    await nc.flush();
    return watch;
  }

  private record(key: string, at: number): void {
    this.seen.set(key, at);
    this.waiting.get(key)?.(at);
    this.waiting.delete(key);
  }

  /** When `office`'s sharing announced the 收文 of the exchanged document `exchangeId`. */
  registeredAt(office: TestOffice, exchangeId: string, timeoutMs = 60_000): Promise<number> {
    // Sharing registers an exchanged document as `document-incoming-<exchange id>`.
    const key = `${office.id} document-incoming-${exchangeId}`;
    const at = this.seen.get(key);
    if (at !== undefined) return Promise.resolve(at);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no 收文 ${exchangeId} registered at ${office.id}`)),
        timeoutMs,
      );
      this.waiting.set(key, (registered) => {
        clearTimeout(timer);
        resolve(registered);
      });
    });
  }

  close(): Promise<void> {
    return this.nc.close();
  }
}
