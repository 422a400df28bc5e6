import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GATEWAY_SIGNATURE_HEADER, signGatewayRequest } from '@heli/auth';
import { claimsForStaff } from '@heli/demo-data';
import { graphql, tokenFor } from '@heli/testkit';
import { responsibilityPart, sharingPart } from '../harness/service-parts.js';
import { startStack, type Stack } from '../harness/stack.js';

/**
 * The attacks of the attack-and-fault test, against the real services: straight at a subgraph's
 * port and through the gateway. Each must be refused quickly, no process may grow past a memory
 * bound, and another user's simple query must not wait behind them. Timings are printed.
 */

const divisionHead = claimsForStaff('staff-general-1-head');
const analyst = claimsForStaff('staff-research-analyst');
const staff = claimsForStaff('staff-general-1-1');

/** A refusal comes back well within this (the machine may be busy with other work). */
const REFUSED_WITHIN_MS = 5_000;
/** Another user's `{ me }` answers within this while the attacks run. */
const VICTIM_WITHIN_MS = 5_000;
/** The whole stack runs in this process; the attacks must not grow it by more than this. */
const MEMORY_GROWTH_BOUND_BYTES = 512 * 1024 * 1024;

const timings: { attack: string; ms: number; outcome: string }[] = [];

async function timed<T>(attack: string, run: () => Promise<T>, outcome: (result: T) => string) {
  const started = performance.now();
  const result = await run();
  const ms = Math.round(performance.now() - started);
  timings.push({ attack, ms, outcome: outcome(result) });
  return { result, ms };
}

const codeOf = (response: {
  status: number;
  body: { errors?: { extensions?: { code?: unknown } }[] };
}) => `${response.status} ${String(response.body.errors?.[0]?.extensions?.code ?? 'ok')}`;

/** `assignments(first: 100)` nested through each matter's lead division, `levels` times. */
function nestedAssignments(levels: number): string {
  let selection = 'id title';
  for (let i = 0; i < levels; i += 1) {
    selection = `id leadDivision { assignments(first: 100) { edges { node { ${selection} } } } }`;
  }
  return `{ assignments(first: 100) { edges { node { ${selection} } } } }`;
}

function aliasedIntrospection(copies: number): string {
  const introspection = getIntrospectionQuery();
  const fragments = introspection.slice(introspection.indexOf('fragment '));
  const selections = Array.from(
    { length: copies },
    (_, i) => `s${i}: __schema { types { ...FullType } }`,
  );
  return `{ ${selections.join(' ')} } ${fragments}`;
}

describe('attacks on the running services', () => {
  let stack: Stack;
  let responsibilityUrl: string;
  let sharingUrl: string;
  let headToken: string;
  let analystToken: string;

  beforeAll(async () => {
    stack = await startStack([responsibilityPart(), sharingPart()]);
    responsibilityUrl = stack.subgraphs['responsibility']!.url;
    sharingUrl = stack.subgraphs['sharing']!.url;
    headToken = await tokenFor(divisionHead);
    analystToken = await tokenFor(analyst);
  });

  afterAll(async () => {
    await stack?.close();
    console.table(timings);
  });

  it('refuses, straight at responsibility, the nested assignments query that once killed it', async () => {
    for (const [levels, code] of [
      [1, 'QUERY_TOO_COSTLY'],
      [4, 'QUERY_TOO_DEEP'],
    ] as const) {
      const query = nestedAssignments(levels);
      for (const [target, url] of [
        ['responsibility directly', responsibilityUrl],
        ['gateway', stack.gatewayUrl],
      ] as const) {
        const { result, ms } = await timed(
          `assignments(first: 100) nested ${levels + 1}× (${query.length} bytes) → ${target}`,
          () => graphql(url, query, undefined, headToken),
          codeOf,
        );
        expect(result.status).toBe(400);
        expect(result.body.errors?.[0]?.extensions?.code).toBe(code);
        expect(ms).toBeLessThan(REFUSED_WITHIN_MS);
      }
    }
  });

  it('refuses, straight at sharing, 3,000 aliased searches', async () => {
    const query = `{ ${Array.from({ length: 3000 }, (_, i) => `s${i}: searchCatalog(query: "资源") { totalCount }`).join(' ')} }`;
    const { result, ms } = await timed(
      '3,000 aliased searchCatalog → sharing directly',
      () => graphql(sharingUrl, query, undefined, analystToken),
      codeOf,
    );
    expect(result.status).toBe(400);
    // The parser stops at the token limit before aliases are even counted.
    expect(result.body.errors?.[0]?.extensions?.code).toMatch(
      /^(GRAPHQL_PARSE_FAILED|TOO_MANY_ALIASES)$/,
    );
    expect(ms).toBeLessThan(REFUSED_WITHIN_MS);
  });

  it('refuses a huge search text, straight at sharing and through the gateway', async () => {
    const query = 'query ($q: String!) { searchCatalog(query: $q) { totalCount } }';
    const text = '资源共享'.repeat(60_000);
    for (const [target, url] of [
      ['sharing directly', sharingUrl],
      ['gateway', stack.gatewayUrl],
    ] as const) {
      const { result, ms } = await timed(
        `720 KB search text → ${target}`,
        () => graphql(url, query, { q: text }, analystToken),
        codeOf,
      );
      expect(result.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(ms).toBeLessThan(REFUSED_WITHIN_MS);
    }
  });

  it('counts introspection at the gateway: aliased copies of the schema are refused, one is answered', async () => {
    const one = await timed(
      'one whole introspection → gateway',
      () => graphql(stack.gatewayUrl, getIntrospectionQuery(), undefined, analystToken),
      codeOf,
    );
    expect(one.result.body.errors).toBeUndefined();

    const { result, ms } = await timed(
      '25 aliased __schema copies → gateway',
      () => graphql(stack.gatewayUrl, aliasedIntrospection(25), undefined, analystToken),
      codeOf,
    );
    expect(result.status).toBe(400);
    expect(result.body.errors?.[0]?.extensions?.code).toMatch(
      /^(QUERY_TOO_COSTLY|GRAPHQL_PARSE_FAILED)$/,
    );
    expect(ms).toBeLessThan(REFUSED_WITHIN_MS);

    const two = await graphql(stack.gatewayUrl, aliasedIntrospection(2), undefined, analystToken);
    expect(two.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
  });

  it('refuses a 560 KB request of introspection at the gateway before parsing it whole', async () => {
    const body = JSON.stringify({ query: aliasedIntrospection(14_000) });
    const { result, ms } = await timed(
      `${Math.round(body.length / 1024)} KB introspection request → gateway`,
      async () => {
        const response = await fetch(stack.gatewayUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${analystToken}` },
          body,
        });
        return {
          status: response.status,
          body: (await response.json()) as { errors?: { extensions?: { code?: unknown } }[] },
        };
      },
      codeOf,
    );
    expect(result.status).toBe(400);
    expect(result.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(ms).toBeLessThan(REFUSED_WITHIN_MS);
  });

  it('keeps another user’s query fast and memory bounded while every attack runs at once', async () => {
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 50);

    const attacks = [
      ...Array.from({ length: 4 }, () =>
        graphql(responsibilityUrl, nestedAssignments(1), undefined, headToken),
      ),
      ...Array.from({ length: 4 }, () =>
        graphql(stack.gatewayUrl, aliasedIntrospection(25), undefined, analystToken),
      ),
      ...Array.from({ length: 4 }, () =>
        graphql(
          sharingUrl,
          'query ($q: String!) { searchCatalog(query: $q) { totalCount } }',
          { q: '资源共享'.repeat(60_000) },
          analystToken,
        ),
      ),
    ];
    const victim = timed(
      'another user’s { me } through the gateway, during the attacks',
      () => stack.query('{ me { id name } }', undefined, staff),
      codeOf,
    );
    const [answered] = await Promise.all([victim, Promise.all(attacks)]);
    clearInterval(sampler);

    expect(answered.result.body.errors).toBeUndefined();
    expect(answered.ms).toBeLessThan(VICTIM_WITHIN_MS);
    const growth = peak - baseline;
    timings.push({
      attack: 'memory growth of the whole stack during the attacks',
      ms: 0,
      outcome: `${Math.round(growth / 1024 / 1024)} MB`,
    });
    expect(growth).toBeLessThan(MEMORY_GROWTH_BOUND_BYTES);
  });
});

describe('gateway-only access', () => {
  const secret = 'e2e-gateway-signing-secret-0123456789';
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack(
      [{ ...responsibilityPart(), env: { GATEWAY_SIGNING_SECRET: secret } }],
      { gatewayEnv: { GATEWAY_SIGNING_SECRET: secret } },
    );
  });
  afterAll(() => stack?.close());

  it('refuses a direct call to the subgraph with a valid token, and answers through the gateway', async () => {
    const token = await tokenFor(staff);
    const direct = await timed(
      '{ me } → responsibility directly, gateway-only',
      () => graphql(stack.subgraphs['responsibility']!.url, '{ me { id } }', undefined, token),
      codeOf,
    );
    expect(direct.result.status).toBe(403);
    expect(direct.result.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const body = JSON.stringify({ query: '{ me { id } }' });
    const stale = await fetch(stack.subgraphs['responsibility']!.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        [GATEWAY_SIGNATURE_HEADER]: signGatewayRequest(secret, body, Date.now() - 5 * 60_000),
      },
      body,
    });
    expect(stale.status).toBe(403);

    const through = await stack.data<{ me: { id: string } }>(staff, '{ me { id } }');
    expect(through.me.id).toBe('staff-general-1-1');
  });
});
