import { fileURLToPath } from 'node:url';
import { connect, headers } from 'nats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { natsSubject } from '@heli/event-contracts';
import { startNatsServer, tokenFor, waitFor, type TestNatsServer } from '@heli/testkit';
import { startStack, type Stack } from '../harness/stack.js';
import { widgetCreated } from '../fixtures/fixture-events.js';
import { registrySubgraph } from '../fixtures/registry/registry-subgraph.js';
import { POISON_PREFIX, tallySubgraph } from '../fixtures/tally/tally-subgraph.js';

const fixtureDir = (name: string) =>
  fileURLToPath(new URL(`../fixtures/${name}/`, import.meta.url));

type Widget = { id: string; name: string; mentions: number };

describe('platform: two fixture subgraphs federated by the gateway and joined by events', () => {
  let nats: TestNatsServer;
  let stack: Stack;

  beforeAll(async () => {
    // A private NATS server, so this file can stop and restart it without disturbing anyone.
    nats = await startNatsServer();
    stack = await startStack(
      [
        { definition: registrySubgraph, sdlDir: fixtureDir('registry') },
        { definition: tallySubgraph, sdlDir: fixtureDir('tally') },
      ],
      { natsUrl: nats.url, gatewayEnv: { MAX_DEPTH: '6', MAX_COST: '300' } },
    );
  });

  afterAll(async () => {
    await stack?.close();
    await nats?.stop();
  });

  const createWidget = async (name: string): Promise<string> => {
    const res = await stack.query(
      'mutation ($name: String!) { createWidget(name: $name) { id } }',
      { name },
    );
    expect(res.body.errors).toBeUndefined();
    return (res.body.data as { createWidget: { id: string } }).createWidget.id;
  };

  const widgets = async (): Promise<Widget[]> => {
    const res = await stack.query('{ widgets { id name mentions } }');
    expect(res.body.errors).toBeUndefined();
    return (res.body.data as { widgets: Widget[] }).widgets;
  };

  const mentionsOf = async (id: string) => (await widgets()).find((w) => w.id === id)?.mentions;

  const waitForMentions = (id: string, expected: number) =>
    waitFor(async () => (await mentionsOf(id)) === expected, {
      timeoutMs: 30_000,
      intervalMs: 100,
    });

  it('resolves an entity owned by one subgraph with a field another subgraph adds', async () => {
    const id = await createWidget('会议纪要模板');
    await waitForMentions(id, 1);
    expect((await widgets()).find((w) => w.id === id)).toEqual({
      id,
      name: '会议纪要模板',
      mentions: 1,
    });
  });

  it('applies an event once when the same message is delivered twice', async () => {
    const id = await createWidget('督办通知');
    await waitForMentions(id, 1);

    // Deliver the very same envelope again, as a redelivery would, past JetStream's duplicate
    // suppression (a different message id); then a fresh event behind it proves it was consumed.
    const outbox = stack.subgraphs.registry!.conn.collection<{ envelope: { subject: string } }>(
      'outbox',
    );
    const record = await outbox.findOne({ 'envelope.subject': id });
    expect(record).not.toBeNull();
    const nc = await connect({ servers: nats.url });
    const h = headers();
    h.set('Nats-Msg-Id', `redelivery-${id}`);
    await nc
      .jetstream()
      .publish(natsSubject(stack.namespace, widgetCreated), JSON.stringify(record!.envelope), {
        headers: h,
      });
    await nc.close();
    const marker = await createWidget('标记');
    await waitForMentions(marker, 1);

    expect(await mentionsOf(id)).toBe(1);
  });

  it('loses no event and applies none twice when NATS stops and restarts mid-stream', async () => {
    const before = await Promise.all(['甲', '乙', '丙'].map((n) => createWidget(`调研选题${n}`)));
    await nats.kill();
    let during: string[];
    try {
      // Accepted while NATS is down: the outbox keeps them until the relay can publish again.
      during = await Promise.all(['丁', '戊', '己'].map((n) => createWidget(`调研选题${n}`)));
    } finally {
      // Even when the writes fail, the tests after this one need NATS back.
      await nats.restart();
    }
    const after = await Promise.all(['庚', '辛'].map((n) => createWidget(`调研选题${n}`)));

    const ids = [...before, ...during, ...after];
    await waitFor(
      async () => {
        const all = await widgets();
        return ids.every((id) => all.find((w) => w.id === id)?.mentions === 1);
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );
    const all = await widgets();
    expect(ids.map((id) => all.find((w) => w.id === id)?.mentions)).toEqual(ids.map(() => 1));
  });

  it('parks a poison event in the dead-letter store and keeps handling the events after it', async () => {
    const poison = await createWidget(`${POISON_PREFIX}-无法计分`);
    const next = await createWidget('正常事项');
    await waitForMentions(next, 1);
    await waitFor(
      async () =>
        (await stack.subgraphs
          .tally!.conn.collection('dead_letters')
          .countDocuments({ 'envelope.subject': poison })) === 1,
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    const parked = await stack.subgraphs
      .tally!.conn.collection('dead_letters')
      .findOne({ 'envelope.subject': poison });
    expect(JSON.stringify(parked)).toContain(`cannot tally ${POISON_PREFIX}-无法计分`);
    expect(await mentionsOf(poison)).toBe(0);
  });

  it('refuses a subgraph called directly without a token with 401 and reveals nothing', async () => {
    const res = await fetch(stack.subgraphs.registry!.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ widgets { id name } }' }),
    });
    expect(res.status).toBe(401);
    const body = (await res.json()) as {
      data?: unknown;
      errors: { extensions: { code: string } }[];
    };
    expect(body.data).toBeUndefined();
    expect(body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a subgraph called directly with a forged token', async () => {
    const forged = (await tokenFor()).replace(/\.[^.]+$/, '.forged-signature');
    const res = await fetch(stack.subgraphs.tally!.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${forged}` },
      body: JSON.stringify({ query: '{ tallyTotal }' }),
    });
    expect(res.status).toBe(401);
  });

  it('rejects an over-deep query at the gateway with a clear error', async () => {
    const res = await stack.query(
      '{ widgets { related { related { related { related { related { related { id } } } } } } } }',
    );
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_DEEP');
    expect(res.body.errors?.[0]?.message).toMatch(/查询嵌套过深/);
  });

  it('rejects an over-costly query at the gateway with a clear error', async () => {
    const aliases = Array.from(
      { length: 20 },
      (_, i) => `w${i}: widgets { id name mentions }`,
    ).join(' ');
    const res = await stack.query(`{ ${aliases} }`);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors?.[0]?.extensions?.code).toMatch(/QUERY_TOO_COSTLY|TOO_MANY_ALIASES/);
  });

  it('masks an internal error before it reaches the client', async () => {
    await createWidget('内部错误演示');
    const res = await stack.query('{ widgets { id explode } }');
    const text = JSON.stringify(res.body);
    expect(res.body.errors?.[0]?.message).toBe('Internal server error');
    expect(text).not.toContain('mongodb://');
    expect(text).not.toContain('secret internal detail');
    expect(text).not.toMatch(/stacktrace|at .*\.ts:\d+/);
  });
});
