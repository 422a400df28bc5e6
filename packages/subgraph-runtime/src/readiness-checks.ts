import type { Connection } from 'mongoose';
import type { NatsConnection } from 'nats';
import type { ReadinessCheck } from '@heli/service-kit';

export function mongoReadiness(conn: Connection): ReadinessCheck {
  return {
    name: 'mongodb',
    async check() {
      if (!conn.db) throw new Error('not connected');
      await conn.db.command({ ping: 1 });
    },
  };
}

export function natsReadiness(nats: NatsConnection): ReadinessCheck {
  return {
    name: 'nats',
    // flush() is a round trip to the server, so it fails (or times out) while disconnected.
    async check() {
      if (nats.isClosed()) throw new Error('connection closed');
      await nats.flush();
    },
  };
}

/** Fails until start-up work (`onReady`, consumers) is done, so traffic waits for it. */
export function startupReadiness(isStarted: () => boolean): ReadinessCheck {
  return {
    name: 'startup',
    async check() {
      if (!isStarted()) throw new Error('still starting');
    },
  };
}
