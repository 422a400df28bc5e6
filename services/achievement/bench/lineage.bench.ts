import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { HeliClaims } from '@heli/auth';
import { createAssessmentSubgraph } from '@heli/assessment';
import { claimsForStaff, demoDivisions, demoStaff } from '@heli/demo-data';
import { startTestGateway, type TestGateway } from '@heli/gateway/test-gateway';
import { createInteractionSubgraph, ManualClock } from '@heli/interaction';
import { createResponsibilitySubgraph } from '@heli/responsibility';
import type { SubgraphDefinition } from '@heli/subgraph-runtime';
import {
  graphql,
  processCpuMs,
  startMongoProcess,
  tokenFor,
  uniqueDbName,
  uniqueNamespace,
  waitFor,
  withCommandMonitoring,
} from '@heli/testkit';
import { startTestSubgraph, type TestSubgraph } from '@heli/subgraph-runtime/test-subgraph';
import { createAchievementSubgraph } from '../src/server.js';

// `pnpm --filter @heli/achievement bench`: the subgraphs a lineage walks through — responsibility
// (with the demo organisation), interaction, achievement and assessment — in-process behind the
// real gateway, as the e2e tests run them, on the local NATS (NATS_URL) and one embedded MongoDB
// in a process of its own, as `pnpm start` runs it. It builds, through the same mutations and events a user would cause:
//   1 议政会 decision → 1 matter with 4 co-organisers, each given a sub-matter (5 matters)
//   → 2 outputs per matter (10) → 5 confirmed uses per output by other divisions (50), scored by
//   assessment (100 score entries);
// then asks for the decision's lineage as the office director: BENCH_WARMUP (20) requests, then
// BENCH_ROUNDS (200) timed ones. Prints p50/p95 (target p95 <= 100 ms) and the subgraph requests
// one lineage query made, counted by the subgraphs' own HTTP servers — and the same count for a
// lineage of 1 matter, 1 output and 1 use, to show it does not grow with the lineage.

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 200);
const WARMUP = Number(process.env['BENCH_WARMUP'] ?? 20);
const CO_DIVISIONS = ['div-general-1', 'div-general-2', 'div-information', 'div-legal'];
const LEAD_DIVISION = 'div-research';
const OUTPUTS_PER_MATTER = 2;
const USES_PER_OUTPUT = 5;
const USE_KINDS = ['REFERENCED', 'APPLIED', 'TRANSFORMED'] as const;
const HOUR = 3_600_000;
/** Collections the services poll in the background, whatever the requests. */
const BACKGROUND = new Set(['outbox', 'processed_events', 'dead_letters']);

const LINEAGE = /* GraphQL */ `
  query Lineage($of: ID!) {
    lineage(of: $of) {
      origin {
        kind
        id
        title
        decision {
          id
          meetingTitle
          text
        }
      }
      matters {
        matter {
          id
          title
          status
          leadDivision {
            name
          }
        }
        outputs {
          id
          title
          kind
          classification
          uses(status: CONFIRMED) {
            id
            kind
            userDivision {
              name
            }
            scoreEntries {
              points
              rule {
                id
              }
              division {
                id
              }
            }
          }
        }
      }
    }
  }
`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read by shape
type Data = any;

const headOf = (divisionId: string): string =>
  demoDivisions.find((division) => division.id === divisionId)!.headId;

const clock = new ManualClock(new Date());
const later = (hours: number) => new Date(clock.now().getTime() + hours * HOUR).toISOString();

const mongo = await startMongoProcess();
const namespace = uniqueNamespace();
const subgraphs: Record<string, TestSubgraph> = {};
let gateway: TestGateway | undefined;
/** POST /graphql requests each subgraph's HTTP server has received: what the gateway sent it. */
const received: Record<string, number> = {};
/** Milliseconds each subgraph spent answering them, request in to response out. */
const busyMs: Record<string, number> = {};

try {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- definitions differ in models and loaders
  const definitions: SubgraphDefinition<any, any>[] = [
    createResponsibilitySubgraph({ loadDemoData: true }),
    createInteractionSubgraph({ loadDemoData: false, overdueScanIntervalMs: 0, clock }),
    createAchievementSubgraph({ loadDemoData: false }),
    createAssessmentSubgraph({ loadDemoData: false }),
  ];
  for (const definition of definitions) {
    const subgraph = await startTestSubgraph(definition, {
      MONGODB_URI: withCommandMonitoring(mongo.uri),
      MONGODB_DB: uniqueDbName(definition.name),
      HELI_NAMESPACE: namespace,
    });
    subgraphs[definition.name] = subgraph;
    received[definition.name] = 0;
    busyMs[definition.name] = 0;
    subgraph.runtime.server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      if (request.method !== 'POST' || !request.url?.startsWith('/graphql')) return;
      received[definition.name]! += 1;
      const start = performance.now();
      response.once('finish', () => {
        busyMs[definition.name]! += performance.now() - start;
      });
    });
  }
  // Interaction and achievement check names against the directory they keep from
  // responsibility's events: wait until it holds the whole demo organisation.
  for (const name of ['interaction', 'achievement']) {
    const { conn } = subgraphs[name]!;
    await waitFor(
      async () =>
        (await conn.collection('directory_staff').countDocuments()) >= demoStaff.length &&
        (await conn.collection('directory_divisions').countDocuments()) >= demoDivisions.length,
      { timeoutMs: 60_000, intervalMs: 50, description: `${name}'s directory` },
    );
  }
  gateway = await startTestGateway(
    Object.entries(subgraphs).map(([name, subgraph]) => ({ name, url: subgraph.url })),
  );
  const gatewayUrl = gateway.url;

  const tokens = new Map<string, string>();
  async function run(staffId: string, query: string, variables?: Record<string, unknown>) {
    let token = tokens.get(staffId);
    if (token === undefined) {
      token = await tokenFor(claimsForStaff(staffId) as HeliClaims);
      tokens.set(staffId, token);
    }
    const { body } = await graphql<Data>(gatewayUrl, query, variables, token);
    if (body.errors || !body.data) {
      throw new Error(`${staffId}: ${JSON.stringify(body.errors)}`);
    }
    return body.data as Data;
  }

  let t = performance.now();
  const big = await buildLineage('第二十次议政会', CO_DIVISIONS);
  console.log(
    `built a lineage of 1 decision, ${big.matters} matters, ${big.outputs} outputs and ${big.uses} confirmed, scored uses in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  const small = await buildLineage('第二十一次议政会', [], { outputs: 1, uses: 1 });

  // What the services burn with no request at all (relays and consumers polling), per millisecond,
  // so the CPU a query costs can be told apart from it.
  const IDLE_MS = 3_000;
  const idleFrom = process.cpuUsage();
  const mongoIdleFrom = processCpuMs(mongo.pid);
  await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
  const idle = process.cpuUsage(idleFrom);
  const idleCpuPerMs = (idle.user + idle.system) / 1000 / IDLE_MS;
  const mongoIdlePerMs = (processCpuMs(mongo.pid) - mongoIdleFrom) / IDLE_MS;

  const times: number[] = [];
  let cpu = process.cpuUsage();
  let mongoCpu = processCpuMs(mongo.pid);
  let measuredFrom = performance.now();
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    if (round === WARMUP) {
      cpu = process.cpuUsage();
      mongoCpu = processCpuMs(mongo.pid);
      measuredFrom = performance.now();
    }
    t = performance.now();
    await run('staff-director', LINEAGE, { of: big.decisionId });
    if (round >= WARMUP) times.push(performance.now() - t);
    if (round === WARMUP - 1) for (const name of Object.keys(busyMs)) busyMs[name] = 0;
  }
  const cpuUsed = process.cpuUsage(cpu);
  const measuredMs = performance.now() - measuredFrom;
  const cpuMs = (cpuUsed.user + cpuUsed.system) / 1000 - idleCpuPerMs * measuredMs;
  const mongoCpuMs = processCpuMs(mongo.pid) - mongoCpu - mongoIdlePerMs * measuredMs;
  const perQuery = Object.entries(busyMs)
    .map(([name, ms]) => `${name} ${(ms / times.length).toFixed(1)}`)
    .join(', ');
  const bigCost = await costOfOneLineageQuery(big.decisionId);
  const smallCost = await costOfOneLineageQuery(small.decisionId);

  console.log(
    `lineage(of: decision) through the gateway as the director, ${times.length} requests after ${WARMUP} warm-ups:`,
  );
  console.log(`  ${summary(times)}   target p95 <= 100 ms`);
  console.log(
    `  CPU per query, idle polling taken off: gateway and subgraphs ${(cpuMs / times.length).toFixed(1)} ms, MongoDB ${(mongoCpuMs / times.length).toFixed(1)} ms`,
  );
  console.log(`  mean ms per query spent in each subgraph (fetches may overlap): ${perQuery}`);
  console.log('one lineage query, counted by the subgraphs:');
  for (const [label, cost] of [
    [`1 decision, ${big.matters} matters, ${big.outputs} outputs, ${big.uses} uses`, bigCost],
    [`1 decision, ${small.matters} matter, ${small.outputs} output, ${small.uses} use`, smallCost],
  ] as const) {
    console.log(`  ${label}`);
    console.log(`    subgraph requests  ${describe(cost.requests)}`);
    console.log(`    MongoDB commands   ${describe(cost.commands)}`);
  }

  /**
   * A 议政会 whose one decision deploys work to div-research with `coDivisions` as co-organisers;
   * the lead splits a sub-matter off for each; every matter's lead registers `outputs` outputs;
   * each output is used by `uses` other divisions, and its provider confirms every use. Resolves
   * once assessment has scored every use (two entries each: provider and user).
   */
  async function buildLineage(
    meetingTitle: string,
    coDivisions: string[],
    { outputs = OUTPUTS_PER_MATTER, uses = USES_PER_OUTPUT } = {},
  ) {
    const { scheduleMeeting } = await run(
      'staff-director',
      `mutation ($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`,
      {
        input: {
          kind: 'DELIBERATION',
          title: meetingTitle,
          startsAt: later(1),
          place: '办公厅第一会议室',
          chairStaffId: 'staff-director',
          attendingDivisionIds: [LEAD_DIVISION, ...coDivisions],
          organiserDivisionId: 'div-meetings',
        },
      },
    );
    await run(
      'staff-director',
      `mutation ($meetingId: ID!, $input: AgendaItemInput!) { addAgendaItem(meetingId: $meetingId, input: $input) { id } }`,
      {
        meetingId: scheduleMeeting.id,
        input: {
          kind: 'DEPLOYMENT',
          title: '开展优化营商环境专题调研',
          deployment: {
            leadDivisionId: LEAD_DIVISION,
            coDivisionIds: coDivisions,
            deadline: later(24 * 60),
            requirements: '形成调研报告报厅领导审定',
          },
        },
      },
    );
    clock.set(later(2));
    const { closeMeeting } = await run(
      'staff-director',
      `mutation ($meetingId: ID!) { closeMeeting(meetingId: $meetingId, minutes: "会议部署了专题调研。") { decisions { id } } }`,
      { meetingId: scheduleMeeting.id },
    );
    const decisionId: string = closeMeeting.decisions[0].id;

    // Responsibility makes the matter of the decision; achievement hears of both.
    const matterId: string = await waitFor(
      async () =>
        (await run('staff-director', LINEAGE, { of: decisionId })).lineage?.matters[0]?.matter?.id,
      { timeoutMs: 60_000, description: 'the matter made of the decision' },
    );
    const leadHead = headOf(LEAD_DIVISION);
    await run(leadHead, `mutation ($id: ID!) { acceptAssignment(input: { id: $id }) { id } }`, {
      id: matterId,
    });
    const matters = [{ id: matterId, divisionId: LEAD_DIVISION }];
    for (const divisionId of coDivisions) {
      const { createSubAssignment } = await run(
        leadHead,
        `mutation ($input: CreateSubAssignmentInput!) { createSubAssignment(input: $input) { id } }`,
        {
          input: {
            parentId: matterId,
            leadDivisionId: divisionId,
            title: '分项调研：营商环境问题梳理',
            requirements: '梳理本领域问题清单',
            deadline: later(24 * 30),
          },
        },
      );
      matters.push({ id: createSubAssignment.id, divisionId });
    }
    await waitFor(
      async () =>
        (await run('staff-director', LINEAGE, { of: decisionId })).lineage.matters.length ===
        matters.length,
      { timeoutMs: 60_000, description: 'the sub-matters in the lineage' },
    );

    const users = demoDivisions.map((division) => division.id);
    let useCount = 0;
    for (const [m, matter] of matters.entries()) {
      const provider = headOf(matter.divisionId);
      for (let o = 0; o < outputs; o++) {
        const { registerAchievement } = await run(
          provider,
          `mutation ($input: RegisterAchievementInput!) { registerAchievement(input: $input) { id } }`,
          {
            input: {
              kind: o % 2 === 0 ? 'RESEARCH_REPORT' : 'POLICY_SUGGESTION',
              title: `营商环境专题成果 ${m + 1}-${o + 1}`,
              summary: '专题调研形成的成果',
              classification: 'INTERNAL',
              authorStaffIds: [provider],
              origin: { kind: 'MATTER', id: matter.id },
            },
          },
        );
        const others = users.filter((id) => id !== matter.divisionId);
        for (let u = 0; u < uses; u++) {
          const user = others[(m + o + u) % others.length]!;
          const { claimAchievementUse } = await run(
            headOf(user),
            `mutation ($input: ClaimAchievementUseInput!) { claimAchievementUse(input: $input) { id } }`,
            {
              input: {
                achievementId: registerAchievement.id,
                kind: USE_KINDS[(o + u) % USE_KINDS.length],
                purpose: '应用于本处室工作方案',
              },
            },
          );
          await run(provider, `mutation ($id: ID!) { confirmAchievementUse(id: $id) { id } }`, {
            id: claimAchievementUse.id,
          });
          useCount += 1;
        }
      }
    }
    await waitFor(
      async () => {
        const { lineage } = await run('staff-director', LINEAGE, { of: decisionId });
        const scored = lineage.matters
          .flatMap((matter: Data) => matter.outputs)
          .flatMap((output: Data) => output.uses)
          .filter((use: Data) => use.scoreEntries.length === 2);
        return scored.length === useCount;
      },
      { timeoutMs: 120_000, intervalMs: 250, description: 'every use scored by assessment' },
    );
    return {
      decisionId,
      matters: matters.length,
      outputs: matters.length * outputs,
      uses: useCount,
    };
  }

  /**
   * What one lineage query costs the subgraphs: the requests their HTTP servers received, and the
   * MongoDB commands each sent meanwhile on the collections a lineage reads (so not the outbox
   * relays' and consumers' background polling).
   */
  async function costOfOneLineageQuery(decisionId: string) {
    for (const name of Object.keys(received)) received[name] = 0;
    const commands: Record<string, number> = {};
    const stopCounting = Object.entries(subgraphs).map(([name, subgraph]) => {
      commands[name] = 0;
      const client = subgraph.conn.getClient();
      const listener = (event: { command: Record<string, unknown>; commandName: string }) => {
        if (!BACKGROUND.has(String(event.command[event.commandName]))) commands[name]! += 1;
      };
      client.on('commandStarted', listener);
      return () => client.off('commandStarted', listener);
    });
    try {
      await run('staff-director', LINEAGE, { of: decisionId });
    } finally {
      for (const stop of stopCounting) stop();
    }
    return { requests: { ...received }, commands };
  }
} finally {
  await gateway?.close();
  for (const subgraph of Object.values(subgraphs).reverse()) await subgraph.close();
  await mongo.stop();
}

function describe(requests: Record<string, number>): string {
  const total = Object.values(requests).reduce((sum, n) => sum + n, 0);
  const each = Object.entries(requests)
    .map(([name, n]) => `${name} ${n}`)
    .join(', ');
  return `${total} (${each})`;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function summary(times: number[]): string {
  return `p50 ${percentile(times, 50).toFixed(1)} ms   p95 ${percentile(times, 95).toFixed(1)} ms   max ${Math.max(...times).toFixed(1)} ms`;
}
