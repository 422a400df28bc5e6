import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base';
import { installTracing } from './sdk.js';

let exporter: InMemorySpanExporter | undefined;

/**
 * Tests: every span of this process goes to one in-memory exporter (installed once per test file's
 * process; later calls return the same one).
 */
export function inMemoryTracing(): { spans(): ReadableSpan[]; reset(): void } {
  if (!exporter) {
    exporter = new InMemorySpanExporter();
    installTracing('heli-test', [new SimpleSpanProcessor(exporter)]);
  }
  const memory = exporter;
  return { spans: () => memory.getFinishedSpans(), reset: () => memory.reset() };
}

export type { ReadableSpan };
export { SpanKind } from '@opentelemetry/api';
