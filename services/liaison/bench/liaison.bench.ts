/**
 * `pnpm --filter @heli/liaison bench`: how long a 公文 takes from the city's send to the district's
 * registered 收文 — registered in the district's sharing subgraph, where its secretariat signs for
 * it (p50/p95/max over 200 documents, target p95 ≤ 1 s on loopback) — and how long one 通知 takes
 * until 20 lower offices have all registered it (target ≤ 2 s). Every office is a real liaison
 * subgraph and a real sharing subgraph with their own databases on one embedded MongoDB server, its
 * own NATS namespace and key, talking over loopback: send → relay → signed POST → inbox → event →
 * sharing's intake. The clock stops when sharing announces the registered 收文
 * (registration-watch.ts); when liaison stored the document (`receivedAt`) is printed beside it,
 * so a slow leg shows which one it is. The database runs in a process of its own, as in a
 * deployment.
 */
import { availableParallelism, loadavg } from 'node:os';
import { startMongoProcess } from '@heli/testkit';
import {
  CITY,
  DISTRICT,
  SEND,
  notice,
  secretariat,
  startOffices,
  type TestOffice,
} from '../test/office-harness.js';
import { cpuFigure, withCpuTime } from './cpu-time.js';
import { RegistrationWatch } from './registration-watch.js';

const DOCUMENTS = 200;
const LOWER_OFFICES = 20;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const figures = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 50)} ms, p95 ${percentile(sorted, 95)} ms, max ${sorted.at(-1)} ms`;
};

async function send(city: TestOffice, to: readonly string[], title: string): Promise<string> {
  const res = await city.as<{ sendOfficialDocument: { id: string } }>(secretariat(CITY.id), SEND, {
    input: notice(to, { title }),
  });
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data!.sendOfficialDocument.id;
}

/** When each office's sharing registered the 收文, and when its liaison stored it before that. */
async function registered(watch: RegistrationWatch, offices: readonly TestOffice[], id: string) {
  return Promise.all(
    offices.map(async (office) => {
      const registeredAt = await watch.registeredAt(office, id);
      const stored = await office.models().documents.findOne({ _id: id }, { receivedAt: 1 }).lean();
      return { registeredAt, storedAt: stored!.receivedAt!.getTime() };
    }),
  );
}

async function sendToRegistered(): Promise<void> {
  const mongo = await startMongoProcess();
  const offices = await startOffices(
    mongo,
    [CITY, DISTRICT],
    [[CITY.id, DISTRICT.id, 'LOWER', 'INTERNAL']],
    { relayIntervalMs: 1_000, withSharing: true },
  );
  const city = offices.get(CITY.id)!;
  const district = offices.get(DISTRICT.id)!;
  const watch = await RegistrationWatch.start([district]);
  try {
    // One document at a time, the next once the last is registered: latency, not a backlog.
    const toRegistered: number[] = [];
    const toStored: number[] = [];
    const { cpu } = await withCpuTime(mongo.pid, async () => {
      for (let i = 0; i < DOCUMENTS; i += 1) {
        const started = Date.now();
        const id = await send(city, [DISTRICT.id], `基准测试通知 ${i + 1}`);
        const [at] = await registered(watch, [district], id);
        toRegistered.push(at!.registeredAt - started);
        toStored.push(at!.storedAt - started);
      }
    });
    process.stdout.write(
      `send → 收文 registered in the district's sharing, over ${DOCUMENTS} documents: ` +
        `${figures(toRegistered)} (target p95 ≤ 1000 ms)\n` +
        `  of which send → stored by the district's liaison: ${figures(toStored)}\n` +
        `  CPU time per document (both offices and the database): ${cpuFigure(cpu, DOCUMENTS)}\n`,
    );
  } finally {
    await watch.close();
    for (const office of offices.values()) await office.stop();
    await mongo.stop();
  }
}

async function fanOut(): Promise<void> {
  const mongo = await startMongoProcess();
  const lower = Array.from({ length: LOWER_OFFICES }, (_, i) => ({
    id: `office-lower-${i + 1}`,
    name: `下级办公室 ${i + 1}`,
  }));
  const offices = await startOffices(
    mongo,
    [CITY, ...lower],
    lower.map((office) => [CITY.id, office.id, 'LOWER', 'INTERNAL'] as const),
    { relayIntervalMs: 1_000, withSharing: true },
  );
  const city = offices.get(CITY.id)!;
  const receivers = lower.map((office) => offices.get(office.id)!);
  const watch = await RegistrationWatch.start(receivers);
  const oneNotice = async (title: string) => {
    const started = Date.now();
    const id = await send(
      city,
      lower.map((office) => office.id),
      title,
    );
    const at = await registered(watch, receivers, id);
    const registeredAt = at.map((one) => one.registeredAt - started);
    return {
      all: Math.max(...registeredAt),
      first: Math.min(...registeredAt),
      stored: Math.max(...at.map((one) => one.storedAt - started)),
    };
  };
  try {
    // The first 通知 an office ever receives also creates its collections and event stream.
    const cold = await oneNotice('关于启用公文交换的通知');
    const { result: warm, cpu } = await withCpuTime(mongo.pid, () =>
      oneNotice('关于做好年底督查工作的通知'),
    );
    process.stdout.write(
      `one 通知 to ${LOWER_OFFICES} lower offices: all registered in their sharing after ` +
        `${warm.all} ms (first after ${warm.first} ms; target ≤ 2000 ms)\n` +
        `  of which stored by all their liaisons after ${warm.stored} ms; ` +
        `the very first 通知 these offices received: all registered after ${cold.all} ms\n` +
        `  CPU time of the fan-out (all 21 offices and the database): ${cpuFigure(cpu)}\n`,
    );
  } finally {
    await watch.close();
    for (const office of offices.values()) await office.stop();
    await mongo.stop();
  }
}

// Wall-clock figures are only as good as the machine is quiet; say how busy it was.
const [load] = loadavg();
process.stdout.write(
  `load average ${load!.toFixed(1)} on ${availableParallelism()} cores when the bench started\n`,
);
// `pnpm --filter @heli/liaison bench fan-out` (or `latency`) runs only that part.
const only = process.argv[2];
if (only !== 'fan-out') await sendToRegistered();
if (only !== 'latency') await fanOut();
