/**
 * `pnpm --filter @heli/liaison bench`: how long a 公文 takes from the city's send to the district's
 * registered 收文 (p50/p95 over 200 documents, target p95 ≤ 1 s on loopback), and how long one 通知
 * takes to be registered by 20 lower offices (target ≤ 2 s). Every office is a real liaison
 * subgraph with its own database and key, on one embedded MongoDB server, talking over loopback.
 */
import { startTestMongo, waitFor } from '@heli/testkit';
import { CITY, DISTRICT, SEND, notice, secretariat, startOffices } from '../test/office-harness.js';

const DOCUMENTS = 200;
const LOWER_OFFICES = 20;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function sendToReceived(): Promise<void> {
  const mongo = await startTestMongo();
  const offices = await startOffices(
    mongo,
    [CITY, DISTRICT],
    [[CITY.id, DISTRICT.id, 'LOWER', 'INTERNAL']],
    {
      relayIntervalMs: 1_000,
    },
  );
  const city = offices.get(CITY.id)!;
  const district = offices.get(DISTRICT.id)!;
  try {
    // One document at a time, the next once the last is registered: latency, not a backlog.
    const latencies: number[] = [];
    for (let i = 0; i < DOCUMENTS; i += 1) {
      const started = Date.now();
      const res = await city.as<{ sendOfficialDocument: { id: string } }>(
        secretariat(CITY.id),
        SEND,
        { input: notice([DISTRICT.id], { title: `基准测试通知 ${i + 1}` }) },
      );
      if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
      const id = res.body.data!.sendOfficialDocument.id;
      const registered = await waitFor(
        () => district.models().documents.findOne({ _id: id }, { receivedAt: 1 }).lean(),
        { timeoutMs: 30_000, intervalMs: 5, description: `document ${i + 1} registered` },
      );
      latencies.push(registered.receivedAt!.getTime() - started);
    }
    latencies.sort((a, b) => a - b);
    process.stdout.write(
      `send → registered 收文 over ${DOCUMENTS} documents: p50 ${percentile(latencies, 50)} ms, ` +
        `p95 ${percentile(latencies, 95)} ms, max ${latencies.at(-1)} ms (target p95 ≤ 1000 ms)\n`,
    );
  } finally {
    await city.stop();
    await district.stop();
    await mongo.stop();
  }
}

async function fanOut(): Promise<void> {
  const mongo = await startTestMongo();
  const lower = Array.from({ length: LOWER_OFFICES }, (_, i) => ({
    id: `office-lower-${i + 1}`,
    name: `下级办公室 ${i + 1}`,
  }));
  const offices = await startOffices(
    mongo,
    [CITY, ...lower],
    lower.map((office) => [CITY.id, office.id, 'LOWER', 'INTERNAL'] as const),
    { relayIntervalMs: 1_000 },
  );
  const city = offices.get(CITY.id)!;
  try {
    const started = Date.now();
    const res = await city.as<{ sendOfficialDocument: { id: string } }>(
      secretariat(CITY.id),
      SEND,
      {
        input: notice(
          lower.map((office) => office.id),
          { title: '关于做好年底督查工作的通知' },
        ),
      },
    );
    if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
    const id = res.body.data!.sendOfficialDocument.id;
    const registeredAt = await Promise.all(
      lower.map(async (office) => {
        const found = await waitFor(
          () =>
            offices
              .get(office.id)!
              .models()
              .documents.findOne({ _id: id }, { receivedAt: 1 })
              .lean(),
          { timeoutMs: 60_000, intervalMs: 20, description: `registered at ${office.id}` },
        );
        return found.receivedAt!.getTime();
      }),
    );
    process.stdout.write(
      `one 通知 to ${LOWER_OFFICES} lower offices: all registered after ${Math.max(...registeredAt) - started} ms ` +
        `(first after ${Math.min(...registeredAt) - started} ms; target ≤ 2000 ms)\n`,
    );
  } finally {
    for (const office of offices.values()) await office.stop();
    await mongo.stop();
  }
}

await sendToReceived();
await fanOut();
