import { performance } from 'node:perf_hooks';
import { claimsForStaff, demoDivisions } from '@heli/demo-data';
import { graphql, startTestSubgraph, startTestGateway, tokenFor } from '@heli/testkit';
import { createInteractionSubgraph, ManualClock } from '../src/server.js';
import type { StepRecord, CaseRecord } from '../src/workflows/workflow.model.js';
const now = new Date('2026-12-07T10:00:00+08:00');
const subgraph = await startTestSubgraph(
  createInteractionSubgraph({
    loadDemoData: false,
    clock: new ManualClock(now),
    overdueScanIntervalMs: 0,
  }),
);
const { models } = subgraph.runtime.runtime;
const divisions = demoDivisions.map((d) => d.id);
const steps: StepRecord[] = [];
const cases: CaseRecord[] = [];
for (let i = 0; i < 10000; i++) {
  cases.push({
    _id: `c-${i}`,
    templateKey: 'document',
    templateVersion: 1,
    kind: 'DOCUMENT',
    title: `t${i}`,
    divisionId: divisions[i % divisions.length]!,
    subject: null,
    status: 'RUNNING',
    startedByStaffId: 'x',
    startedAt: now,
    completedAt: null,
    overdueSteps: 0,
  });
  steps.push({
    _id: `s-${i}`,
    caseId: `c-${i}`,
    sequence: 1,
    caseTitle: 't',
    templateKey: 'document',
    templateVersion: 1,
    kind: 'DOCUMENT',
    stepKey: 'k',
    name: 'n',
    responsibleDivisionId: divisions[i % divisions.length]!,
    assigneeStaffId: null,
    status: 'OPEN',
    startedAt: now,
    dueAt: new Date(now.getTime() + (1 + (i % 300)) * 3600_000),
    completedAt: null,
    completedByStaffId: null,
    onTime: null,
    outputRef: null,
    note: null,
    watching: true,
    overdueAnnouncedAt: null,
    history: [],
  });
}
await models.cases.insertMany(cases, { lean: true });
await models.steps.insertMany(steps, { lean: true });
const filter = {
  $and: [
    { status: { $in: ['OPEN', 'CLAIMED'] } },
    {
      $or: [
        { assigneeStaffId: 'staff-documents-1' },
        { assigneeStaffId: null, responsibleDivisionId: 'div-documents' },
      ],
    },
  ],
};
const ex: any = await models.steps
  .find(filter)
  .sort({ dueAt: 1, _id: 1 })
  .limit(21)
  .explain('executionStats');
console.log(
  JSON.stringify(ex.queryPlanner?.winningPlan).slice(0, 400),
  ex.executionStats?.totalDocsExamined,
);
const ex2: any = await models.steps.find(filter).explain('executionStats');
console.log('count-ish', ex2.executionStats?.totalDocsExamined);
const time = async (label: string, f: () => Promise<unknown>) => {
  const ts: number[] = [];
  for (let i = 0; i < 40; i++) {
    const t = performance.now();
    await f();
    ts.push(performance.now() - t);
  }
  ts.sort((a, b) => a - b);
  console.log(label, 'p50', ts[20]!.toFixed(1), 'p95', ts[38]!.toFixed(1));
};
await time('find page', () =>
  models.steps.find(filter).sort({ dueAt: 1, _id: 1 }).limit(21).lean(),
);
await time('count', () => models.steps.countDocuments(filter));
const token = await tokenFor(claimsForStaff('staff-documents-1'));
const q = `query { myWorkflowSteps(first: 20) { totalCount edges { node { id name dueAt status case { id title } } } } }`;
await time('subgraph direct', () => graphql(subgraph.url, q, {}, token));
const q2 = `query { myWorkflowSteps(first: 20) { totalCount edges { node { id name dueAt status } } } }`;
await time('subgraph direct no case', () => graphql(subgraph.url, q2, {}, token));
const gateway = await startTestGateway([{ name: 'interaction', url: subgraph.url }]);
await time('gateway', () => graphql(gateway.url, q, {}, token));
await gateway.close();
await subgraph.close();
