import { describe, expect, it } from 'vitest';
import { useDriverDatabase } from './support/driver-client.js';

const target = useDriverDatabase('ttl');

/** mongod's TTL monitor runs every 60 s; the embedded one every second. Poll, don't sleep-and-assert. */
async function waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return check();
}

describe('TTL indexes', () => {
  it(
    'removes documents whose date is older than expireAfterSeconds and keeps the rest',
    { timeout: 150_000 },
    async () => {
      const coll = target.db().collection('sessions');
      await coll.createIndex({ createdAt: 1 }, { expireAfterSeconds: 60 });
      const now = Date.now();
      await coll.insertMany([
        { name: 'expired', createdAt: new Date(now - 3_600_000) },
        {
          name: 'expired-array',
          createdAt: [new Date(now - 7_200_000), new Date(now + 3_600_000)],
        },
        { name: 'fresh', createdAt: new Date(now) },
        { name: 'not-a-date', createdAt: 'yesterday' },
      ]);

      const swept = await waitUntil(
        async () => (await coll.countDocuments({ name: /^expired/ })) === 0,
        140_000,
      );

      expect(swept).toBe(true);
      const left = (await coll.find({}).toArray()).map((d) => d.name).sort();
      expect(left).toEqual(['fresh', 'not-a-date']);
      const [index] = (await coll.listIndexes().toArray()).filter((i) => i.name === 'createdAt_1');
      expect(index?.expireAfterSeconds).toBe(60);
    },
  );
});
