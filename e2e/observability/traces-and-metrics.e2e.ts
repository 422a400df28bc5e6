import { claimsForStaff } from '@heli/demo-data';
import { inMemoryTracing, SpanKind, type ReadableSpan } from '@heli/telemetry/testing';
import { waitFor } from '@heli/testkit';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  achievementPart,
  assessmentPart,
  interactionPart,
  notificationsPart,
  responsibilityPart,
  sharingPart,
} from '../harness/service-parts.js';
import { startStack, type Stack } from '../harness/stack.js';

// Installed before anything starts: every span of this process (gateway and subgraphs run
// in-process here) lands in memory, as they would in one collector.
const tracing = inMemoryTracing();

const leadership = claimsForStaff('staff-executive-deputy');
const secretariat = claimsForStaff('staff-secretariat-1');
const partySecretary = claimsForStaff('staff-party-secretary');
const general1Head = claimsForStaff('staff-general-1-head');
const currentYear = String(new Date(Date.now() + 8 * 3600_000).getUTCFullYear());

let stack: Stack;

beforeAll(async () => {
  stack = await startStack([
    responsibilityPart(),
    sharingPart(),
    assessmentPart(),
    interactionPart(),
    achievementPart(),
    notificationsPart(),
  ]);
});

afterAll(async () => {
  await stack?.close();
});

const spanId = (span: ReadableSpan) => span.spanContext().spanId;
const traceId = (span: ReadableSpan) => span.spanContext().traceId;
const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

/**
 * The gateway's span for a request, found by the request id it echoed back: the one span with that
 * id and no parent (the subgraphs' spans carry the forwarded id too, under the gateway's).
 */
function gatewaySpan(requestId: string | null): ReadableSpan {
  const span = tracing
    .spans()
    .find(
      (s) =>
        s.kind === SpanKind.SERVER &&
        s.attributes['heli.request_id'] === requestId &&
        s.parentSpanContext === undefined,
    );
  if (!span) throw new Error(`no gateway span for request ${requestId}`);
  return span;
}

/** Span ids from `span`'s parent up to the root of its trace. */
function ancestorsOf(span: ReadableSpan): string[] {
  const chain: string[] = [];
  let parent = parentOf(span);
  while (parent !== undefined) {
    chain.push(parent);
    parent = tracing.spans().find((s) => spanId(s) === parent)?.parentSpanContext?.spanId;
  }
  return chain;
}

describe('traces across the gateway, the subgraphs and NATS', () => {
  it('a cross-subgraph query is one trace: every subgraph span sits under the gateway fetch span', async () => {
    const response = await stack.query(
      `query ($id: ID!, $period: String!) { division(id: $id) { name score(period: $period) { total } } }`,
      { id: 'div-general-1', period: currentYear },
      general1Head,
    );
    expect(response.body.errors).toBeUndefined();

    const root = gatewaySpan(response.headers.get('x-request-id'));
    const subgraphSpans = await waitFor(
      () => {
        const found = tracing
          .spans()
          .filter((s) => traceId(s) === traceId(root) && s.kind === SpanKind.SERVER && s !== root);
        return found.length >= 2 ? found : undefined;
      },
      { description: 'subgraph spans in the gateway request trace' },
    );
    for (const span of subgraphSpans) {
      expect(span.name).toBe('POST /graphql');
      // Parent: Apollo Gateway's own span for that fetch; its ancestors lead to the request span.
      expect(tracing.spans().find((s) => spanId(s) === parentOf(span))?.name).toBe('gateway.fetch');
      expect(ancestorsOf(span)).toContain(spanId(root));
    }
  });

  it('an event-driven flow, first step (instruction → matter): the consumer that makes the matter joins the instruction’s trace', async () => {
    const { registerDocument } = await stack.data<{ registerDocument: { id: string } }>(
      secretariat,
      `mutation { registerDocument(input: { kind: PROVINCIAL, title: "追踪测试：关于做好年度信息报送的通知",
         documentNumber: "黑办发〔2026〕99号", issuer: "中共黑龙江省委办公厅", issuedOn: "2026-03-02",
         classification: INTERNAL }) { id } }`,
    );
    await stack.data(
      secretariat,
      'mutation ($input: DistributeDocumentInput!) { distributeDocument(input: $input) { id } }',
      {
        input: {
          documentId: registerDocument.id,
          staffIds: ['staff-party-secretary'],
          divisionIds: [],
          dueAt: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
        },
      },
    );
    const instruction = await stack.query(
      'mutation ($input: IssueInstructionInput!) { issueInstruction(input: $input) { id } }',
      {
        input: {
          documentId: registerDocument.id,
          text: '请综合一处牵头抓好落实。',
          leadDivisionId: 'div-general-1',
          coDivisionIds: [],
          deadline: new Date(Date.now() + 14 * 24 * 3600_000).toISOString(),
        },
      },
      partySecretary,
    );
    expect(instruction.body.errors).toBeUndefined();
    const root = gatewaySpan(instruction.headers.get('x-request-id'));

    const consumed = await waitFor(
      () =>
        tracing
          .spans()
          .find(
            (s) =>
              s.kind === SpanKind.CONSUMER &&
              traceId(s) === traceId(root) &&
              s.name.includes('instruction.issued'),
          ),
      {
        timeoutMs: 90_000,
        description: 'responsibility consuming instruction.issued in the trace',
      },
    );
    const emitter = tracing.spans().find((s) => spanId(s) === parentOf(consumed));
    expect(emitter?.kind).toBe(SpanKind.SERVER);
    expect(ancestorsOf(emitter!)).toContain(spanId(root));
  });

  it('an event-driven flow (matter completed → score entry) joins the trace of the request that emitted it', async () => {
    const { createAssignment } = await stack.data<{ createAssignment: { id: string } }>(
      leadership,
      'mutation ($input: CreateAssignmentInput!) { createAssignment(input: $input) { id } }',
      {
        input: {
          title: '追踪测试：整理年度信息报送',
          leadDivisionId: 'div-general-1',
          coDivisionIds: [],
          deadline: new Date(Date.now() + 5 * 24 * 3600_000).toISOString(),
          priority: 'NORMAL',
        },
      },
    );
    const id = createAssignment.id;
    await stack.data(
      general1Head,
      'mutation ($id: ID!) { acceptAssignment(input: { id: $id }) { id } }',
      { id },
    );
    await stack.data(
      general1Head,
      'mutation ($id: ID!) { submitAssignmentResult(input: { id: $id, result: "已报送" }) { id } }',
      { id },
    );
    const completion = await stack.query(
      'mutation ($id: ID!) { completeAssignment(input: { id: $id }) { id } }',
      { id },
      leadership,
    );
    expect(completion.body.errors).toBeUndefined();
    const root = gatewaySpan(completion.headers.get('x-request-id'));

    const consumed = await waitFor(
      () =>
        tracing
          .spans()
          .find(
            (s) =>
              s.kind === SpanKind.CONSUMER &&
              traceId(s) === traceId(root) &&
              s.name.includes('assignment.completed'),
          ),
      { timeoutMs: 30_000, description: 'assessment consuming assignment.completed in the trace' },
    );
    // consumer span → responsibility's server span for the mutation → … → the gateway's span
    const emitter = tracing.spans().find((s) => spanId(s) === parentOf(consumed));
    expect(emitter?.kind).toBe(SpanKind.SERVER);
    expect(emitter?.name).toBe('POST /graphql');
    expect(ancestorsOf(emitter!)).toContain(spanId(root));
    expect(consumed.attributes['messaging.consumer.group.name']).toBeTypeOf('string');
  });
});

describe('/metrics on every part', () => {
  it('the gateway and each subgraph serve Prometheus metrics a Prometheus parser reads, and /health and /ready', async () => {
    const parts = [stack.gatewayUrl, ...Object.values(stack.subgraphs).map((s) => s.url)];
    expect(parts).toHaveLength(7);
    for (const url of parts) {
      // What the Kubernetes probes ask (infra/k8s): both answer 200 on a running, connected part.
      expect((await fetch(new URL('/health', url))).status).toBe(200);
      expect((await fetch(new URL('/ready', url))).status).toBe(200);
      const response = await fetch(new URL('/metrics', url));
      expect(response.status).toBe(200);
      const families = parsePrometheusTextFormat(await response.text());
      const names = families.map((f) => f.name);
      expect(names).toEqual(
        expect.arrayContaining([
          'heli_http_request_duration_seconds',
          'heli_graphql_errors_total',
          'heli_outbox_backlog',
          'heli_consumer_pending',
          'heli_dead_letters',
        ]),
      );
      const requests = families.find((f) => f.name === 'heli_http_request_duration_seconds');
      expect(requests?.type).toBe('HISTOGRAM');
    }
    const families = parsePrometheusTextFormat(
      await (await fetch(new URL('/metrics', stack.gatewayUrl))).text(),
    );
    const backlog = families.find((f) => f.name === 'heli_outbox_backlog');
    expect(backlog?.metrics.map((m) => m.labels?.['service']).sort()).toEqual([
      'achievement',
      'assessment',
      'interaction',
      'notifications',
      'responsibility',
      'sharing',
    ]);
  });
});
