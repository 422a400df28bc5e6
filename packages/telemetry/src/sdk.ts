import { appendFileSync } from 'node:fs';
import { ExportResultCode, hrTimeToMicroseconds, type ExportResult } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  ConsoleSpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { TracingConfig } from './telemetry-env.js';

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
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: service }),
    spanProcessors,
  });
  provider.register();
  installed = provider;
  return { shutdown: () => provider.shutdown() };
}

function processorFor(config: TracingConfig): SpanProcessor {
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
        new OTLPTraceExporter(
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
          service: span.resource.attributes[ATTR_SERVICE_NAME],
          startMicros: hrTimeToMicroseconds(span.startTime),
          durationMicros: hrTimeToMicroseconds(span.duration),
          status: span.status,
          attributes: span.attributes,
        }),
      );
      appendFileSync(this.path, `${lines.join('\n')}\n`);
      done({ code: ExportResultCode.SUCCESS });
    } catch (error) {
      done({ code: ExportResultCode.FAILED, error: error as Error });
    }
  }

  async shutdown(): Promise<void> {}
}
