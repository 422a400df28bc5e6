import { appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ExportResult } from '@opentelemetry/core';
import type { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import type { resourceFromAttributes } from '@opentelemetry/resources';
import type {
  BatchSpanProcessor,
  ConsoleSpanExporter,
  ReadableSpan,
  SimpleSpanProcessor,
  SpanExporter,
  SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import type { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { TracingConfig } from './telemetry-env.js';

// The SDK and its exporters are loaded when tracing is switched on, not on import: most processes
// run without an exporter (OTEL_TRACES_EXPORTER=none), and the SDK with the OTLP exporter is about
// a hundred modules a process would load and keep for nothing (the gateway's start-up and memory,
// docs/adr/015). `require` keeps `startTracing` synchronous, so no span is started before the SDK
// is registered; the API (`@opentelemetry/api`) finds the registered provider through its global.
const load = createRequire(import.meta.url);
const sdkTraceNode = () =>
  load('@opentelemetry/sdk-trace-node') as { NodeTracerProvider: typeof NodeTracerProvider };
const sdkTraceBase = () =>
  load('@opentelemetry/sdk-trace-base') as {
    BatchSpanProcessor: typeof BatchSpanProcessor;
    ConsoleSpanExporter: typeof ConsoleSpanExporter;
    SimpleSpanProcessor: typeof SimpleSpanProcessor;
  };
const resources = () =>
  load('@opentelemetry/resources') as { resourceFromAttributes: typeof resourceFromAttributes };
const otlpHttp = () =>
  load('@opentelemetry/exporter-trace-otlp-http') as {
    OTLPTraceExporter: typeof OTLPTraceExporter;
  };

/** `service.name` (`ATTR_SERVICE_NAME` of the semantic conventions). */
const SERVICE_NAME = 'service.name';
/** `ExportResultCode` of `@opentelemetry/core`. */
const EXPORT_SUCCESS = 0;
const EXPORT_FAILED = 1;

/** `hrTimeToMicroseconds` of `@opentelemetry/core`. */
const microseconds = ([seconds, nanos]: [number, number]) => seconds * 1e6 + nanos / 1e3;

export interface Tracing {
  /** Flushes what is buffered and stops exporting. */
  shutdown(): Promise<void>;
}

let installed: NodeTracerProvider | undefined;

/**
 * Registers the OpenTelemetry SDK for this process (tracer provider, AsyncLocalStorage context,
 * W3C trace-context propagation) with the exporter the configuration names. `none` registers
 * nothing: every span call stays the API's no-op. A process registers once; later calls (several
 * services in one test process) keep the first.
 */
export function startTracing(service: string, config: TracingConfig): Tracing {
  if (config.OTEL_TRACES_EXPORTER === 'none' || installed) return { shutdown: async () => {} };
  return installTracing(service, [processorFor(config)]);
}

/** Registers the SDK with the given span processors (tests: an in-memory exporter). */
export function installTracing(service: string, spanProcessors: SpanProcessor[]): Tracing {
  if (installed) throw new Error('tracing is already installed in this process');
  const { NodeTracerProvider } = sdkTraceNode();
  const provider = new NodeTracerProvider({
    resource: resources().resourceFromAttributes({ [SERVICE_NAME]: service }),
    spanProcessors,
  });
  provider.register();
  installed = provider;
  return { shutdown: () => provider.shutdown() };
}

function processorFor(config: TracingConfig): SpanProcessor {
  const { BatchSpanProcessor, ConsoleSpanExporter, SimpleSpanProcessor } = sdkTraceBase();
  switch (config.OTEL_TRACES_EXPORTER) {
    case 'console':
      return new SimpleSpanProcessor(new ConsoleSpanExporter());
    case 'file':
      if (config.HELI_TRACES_FILE === undefined) {
        throw new Error('OTEL_TRACES_EXPORTER=file needs HELI_TRACES_FILE');
      }
      return new BatchSpanProcessor(new JsonLinesFileExporter(config.HELI_TRACES_FILE));
    case 'otlp':
      return new BatchSpanProcessor(
        new (otlpHttp().OTLPTraceExporter)(
          config.OTEL_EXPORTER_OTLP_ENDPOINT === undefined
            ? {}
            : { url: `${config.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/$/, '')}/v1/traces` },
        ),
      );
    case 'none':
      throw new Error('unreachable: no processor for none');
  }
}

/**
 * One JSON object per finished span, appended to a file: traces of the all-in-one start without a
 * collector. (OpenTelemetry JS ships console and OTLP exporters, no file one.)
 */
export class JsonLinesFileExporter implements SpanExporter {
  constructor(private readonly path: string) {}

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    try {
      const lines = spans.map((span) =>
        JSON.stringify({
          traceId: span.spanContext().traceId,
          spanId: span.spanContext().spanId,
          parentSpanId: span.parentSpanContext?.spanId,
          name: span.name,
          kind: span.kind,
          service: span.resource.attributes[SERVICE_NAME],
          startMicros: microseconds(span.startTime),
          durationMicros: microseconds(span.duration),
          status: span.status,
          attributes: span.attributes,
        }),
      );
      appendFileSync(this.path, `${lines.join('\n')}\n`);
      done({ code: EXPORT_SUCCESS });
    } catch (error) {
      done({ code: EXPORT_FAILED, error: error as Error });
    }
  }

  async shutdown(): Promise<void> {}
}
