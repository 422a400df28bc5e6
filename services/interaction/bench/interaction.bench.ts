import { performance } from 'node:perf_hooks';
import { claimsForStaff, demoDivisions } from '@heli/demo-data';
import { startTestGateway } from '@heli/gateway/test-gateway';
import { graphql, tokenFor } from '@heli/testkit';
import { startTestSubgraph } from '@heli/subgraph-runtime/test-subgraph';
import { createInteractionSubgraph, ManualClock } from '../src/server.js';
import type { CaseRecord, StepRecord } from '../src/workflows/workflow.model.js';
import { announceOverdueSteps } from '../src/workflows/overdue-scan.js';

// `pnpm --filter @heli/interaction bench`: the interaction subgraph in-process on the embedded
// MongoDB server and the local NATS, as the tests run it, and the real gateway in front of it.
// Prints
//   1. the overdue scan over BENCH_STEPS (100 000) open steps of which BENCH_OVERDUE (200) are past
//      due: announcing them, then a scan that finds nothing (target <= 1 s, driven by the
//      (watching, dueAt) index: the documents examined are the overdue ones, not the open ones);
//   2. `myWorkflowSteps` p50/p95 through the gateway with BENCH_CASES (10 000) running cases
//      (target p95 <= 50 ms), BENCH_ROUNDS (200) requests after 20 warm-ups.

const STEPS = Number(process.env['BENCH_STEPS'] ?? 100_000);
const OVERDUE = Number(process.env['BENCH_OVERDUE'] ?? 200);
const CASES = Number(process.env['BENCH_CASES'] ?? 10_000);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 200);
const HOUR = 3_600_000;

const now = new Date('2026-12-07T10:00:00+08:00');
const clock = new ManualClock(now);
const subgraph = await startTestSubgraph(
  createInteractionSubgraph({ loadDemoData: false, clock, overdueScanIntervalMs: 0 }),
);
const { models } = subgraph.runtime.runtime;
const divisions = demoDivisions.map((division) => division.id);

try {
  await benchOverdueScan();
  await benchMyWorkflowSteps();
} finally {
  await subgraph.close();
}

function step(i: number, caseId: string, dueAt: Date, prefix: string): StepRecord {
  return {
    _id: `${prefix}-step-${i}`,
    caseId,
    sequence: 1,
    caseTitle: `压测事项 ${i}`,
    templateKey: 'document',
    templateVersion: 1,
    kind: 'DOCUMENT',
    stepKey: 'sign-for',
    name: '签收',
    responsibleDivisionId: divisions[i % divisions.length]!,
    assigneeStaffId: null,
    status: 'OPEN',
    startedAt: new Date(dueAt.getTime() - 8 * HOUR),
    dueAt,
    completedAt: null,
    completedByStaffId: null,
    onTime: null,
    outputRef: null,
    note: null,
    watching: true,
    waitingOn: `division:${divisions[i % divisions.length]!}`,
    overdueAnnouncedAt: null,
    history: [],
  };
}

async function insertSteps(count: number, prefix: string, dueAtOf: (i: number) => Date) {
  for (let start = 0; start < count; start += 5_000) {
    const batch: StepRecord[] = [];
    for (let i = start; i < Math.min(count, start + 5_000); i++) {
      batch.push(step(i, `${prefix}-case-${i}`, dueAtOf(i), prefix));
    }
    await models.steps.insertMany(batch, { lean: true });
  }
}

async function benchOverdueScan() {
  let t = performance.now();
  // The first OVERDUE steps are past due, the rest due over the next weeks.
  await insertSteps(STEPS, 'scan', (i) =>
    i < OVERDUE
      ? new Date(now.getTime() - (i + 1) * 60_000)
      : new Date(now.getTime() + (1 + (i % 500)) * HOUR),
  );
  console.log(`inserted ${STEPS} open steps in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const explained = (await models.steps
    .find({ watching: true, dueAt: { $lte: now } }, { _id: 1 })
    .limit(500)
    .explain('executionStats')) as unknown as Record<string, Record<string, unknown>>;
  const stats = explained['executionStats'] ?? {};
  const plan = JSON.stringify(explained['queryPlanner'] ?? {});
  console.log(
    `candidate query: ${plan.includes('IXSCAN') ? 'IXSCAN (watching, dueAt)' : 'COLLSCAN'}, ` +
      `documents examined ${String(stats['totalDocsExamined'])} of ${STEPS} open`,
  );

  t = performance.now();
  const announced = await announceOverdueSteps(subgraph.runtime.runtime, now);
  const first = performance.now() - t;
  t = performance.now();
  const again = await announceOverdueSteps(subgraph.runtime.runtime, now);
  const idle = performance.now() - t;
  if (announced !== OVERDUE || again !== 0) {
    throw new Error(`announced ${announced} then ${again}, expected ${OVERDUE} then 0`);
  }
  console.log(`overdue scan over ${STEPS} open steps:`);
  console.log(
    `  announcing ${announced} overdue steps   ${first.toFixed(0)} ms   target <= 1000 ms`,
  );
  console.log(`  scan with nothing new overdue   ${idle.toFixed(1)} ms`);
  await models.steps.deleteMany({});
}

async function benchMyWorkflowSteps() {
  let t = performance.now();
  const cases: CaseRecord[] = [];
  for (let i = 0; i < CASES; i++) {
    cases.push({
      _id: `bench-case-${i}`,
      templateKey: 'document',
      templateVersion: 1,
      kind: 'DOCUMENT',
      title: `压测事项 ${i}`,
      divisionId: divisions[i % divisions.length]!,
      subject: null,
      status: 'RUNNING',
      startedByStaffId: 'staff-documents-1',
      startedAt: new Date(now.getTime() - HOUR),
      completedAt: null,
      overdueSteps: 0,
    });
  }
  for (let start = 0; start < CASES; start += 5_000) {
    await models.cases.insertMany(cases.slice(start, start + 5_000), { lean: true });
  }
  await insertSteps(CASES, 'bench', (i) => new Date(now.getTime() + (1 + (i % 300)) * HOUR));
  console.log(
    `inserted ${CASES} running cases with an open step each in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );

  const gateway = await startTestGateway([{ name: 'interaction', url: subgraph.url }]);
  try {
    const staffId = 'staff-documents-1';
    const token = await tokenFor(claimsForStaff(staffId));
    const query = /* GraphQL */ `
      query {
        myWorkflowSteps(first: 20) {
          totalCount
          edges {
            node {
              id
              name
              dueAt
              status
              case {
                id
                title
              }
            }
          }
        }
      }
    `;
    const times: number[] = [];
    let total = 0;
    for (let round = 0; round < ROUNDS + 20; round++) {
      t = performance.now();
      const { body } = await graphql<{
        myWorkflowSteps: { totalCount: number; edges: unknown[] };
      }>(gateway.url, query, {}, token);
      const elapsed = performance.now() - t;
      if (body.errors || !body.data) throw new Error(JSON.stringify(body.errors));
      total = body.data.myWorkflowSteps.totalCount;
      if (round >= 20) times.push(elapsed);
    }
    console.log(
      `myWorkflowSteps through the gateway, ${CASES} running cases (${total} waiting in ${staffId}'s division), ${times.length} requests:`,
    );
    console.log(`  ${summary(times)}   target p95 <= 50 ms`);
  } finally {
    await gateway.close();
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function summary(times: number[]): string {
  return `p50 ${percentile(times, 50).toFixed(1)} ms   p95 ${percentile(times, 95).toFixed(1)} ms   max ${Math.max(...times).toFixed(1)} ms`;
}
