import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Link,
  type Span,
} from '@opentelemetry/api';

/** One tracer for all of Heli's own spans; the service shows in the resource, not the name. */
const tracer = () => trace.getTracer('heli');

type HeaderBag = Record<string, string | string[] | undefined>;

/**
 * Runs `fn` in a server span whose parent is the W3C `traceparent` of the incoming headers (the
 * gateway's span when the gateway called), so one query is one trace across every subgraph.
 * Without a registered SDK this is the API's no-op and costs next to nothing.
 */
export function withServerSpan<T>(
  name: string,
  headers: HeaderBag,
  attributes: Attributes,
  fn: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = propagation.extract(ROOT_CONTEXT, headers);
  return tracer().startActiveSpan(name, { kind: SpanKind.SERVER, attributes }, parent, (span) =>
    endWhenSettled(span, fn),
  );
}

/** Puts the current trace context (`traceparent`, `tracestate`) on outgoing request headers. */
export function injectTraceContext(set: (name: string, value: string) => void): void {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  for (const [name, value] of Object.entries(carrier)) set(name, value);
}

/** The current span as a W3C `traceparent`, for an event envelope; undefined when not tracing. */
export function currentTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier['traceparent'];
}

/** The current trace id, for log lines; undefined outside a sampled span. */
export function currentTraceId(): string | undefined {
  const spanContext = trace.getActiveSpan()?.spanContext();
  return spanContext && trace.isSpanContextValid(spanContext) ? spanContext.traceId : undefined;
}

/**
 * Runs an event handler in a consumer span that continues the trace of the request that emitted
 * the event (its envelope's `traceparent`), so the consumer's work shows under that request.
 * Events that share one handler call (a batch) are linked: the span's parent is the first one's.
 */
export function withEventSpan<T>(
  name: string,
  traceparents: ReadonlyArray<string | undefined>,
  attributes: Attributes,
  fn: () => Promise<T>,
): Promise<T> {
  const contexts = traceparents.map((traceparent) =>
    traceparent === undefined ? undefined : propagation.extract(ROOT_CONTEXT, { traceparent }),
  );
  const parent = contexts.find((c) => c !== undefined) ?? ROOT_CONTEXT;
  const links: Link[] = contexts.slice(1).flatMap((c) => {
    const spanContext = c && trace.getSpanContext(c);
    return spanContext ? [{ context: spanContext }] : [];
  });
  return tracer().startActiveSpan(
    name,
    { kind: SpanKind.CONSUMER, attributes, links },
    parent,
    (span) => endWhenSettled(span, fn),
  );
}

/** Runs `fn` in an internal span under the current one. */
export function withSpan<T>(
  name: string,
  attributes: Attributes,
  fn: (span: Span) => Promise<T>,
): Promise<T> {
  return tracer().startActiveSpan(name, { attributes }, (span) => endWhenSettled(span, fn));
}

async function endWhenSettled<T>(span: Span, fn: (span: Span) => Promise<T>): Promise<T> {
  try {
    return await fn(span);
  } catch (error) {
    span.recordException(error as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.message });
    throw error;
  } finally {
    span.end();
  }
}
