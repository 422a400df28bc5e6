import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The process's Prometheus registry, served on `/metrics` by service-kit's HTTP server. Prometheus
 * adds `job` and `instance` to every series when it scrapes, so the service is not a label here.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'heli_process_' });

/** Request rate (`_count`), latency and errors (by status) per route. */
export const httpRequestDuration = new Histogram({
  name: 'heli_http_request_duration_seconds',
  help: 'HTTP requests by route, method and status, with their duration',
  labelNames: ['route', 'method', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

/** GraphQL errors by their `extensions.code` (what clients were told, before masking hid more). */
export const graphqlErrors = new Counter({
  name: 'heli_graphql_errors_total',
  help: 'GraphQL errors returned, by extensions.code',
  labelNames: ['code'] as const,
  registers: [metricsRegistry],
});

export interface GaugeSample {
  labels: Record<string, string>;
  value: number;
}

const gaugeSources = new Map<
  string,
  { gauge: Gauge; sources: Set<() => Promise<GaugeSample[]>> }
>();

/**
 * A gauge read when Prometheus scrapes (outbox backlog, consumer lag, dead letters). Several
 * sources may feed one gauge — several services in one test process — each with its own labels;
 * the returned function removes this source (on shutdown).
 */
export function addGaugeSource(
  name: string,
  help: string,
  labelNames: readonly string[],
  source: () => Promise<GaugeSample[]>,
): () => void {
  let entry = gaugeSources.get(name);
  if (!entry) {
    const sources = new Set<() => Promise<GaugeSample[]>>();
    const gauge = new Gauge({
      name,
      help,
      labelNames,
      registers: [metricsRegistry],
      async collect() {
        this.reset();
        const all = await Promise.all(
          [...sources].map((read) => read().catch((): GaugeSample[] => [])),
        );
        for (const sample of all.flat()) this.set(sample.labels, sample.value);
      },
    });
    entry = { gauge, sources };
    gaugeSources.set(name, entry);
  }
  entry.sources.add(source);
  const { sources } = entry;
  return () => sources.delete(source);
}

/** The registry in Prometheus text format. */
export async function metricsText(): Promise<{ contentType: string; body: string }> {
  return { contentType: metricsRegistry.contentType, body: await metricsRegistry.metrics() };
}

/**
 * An Apollo Server plugin counting errors by code (structurally typed, so this package needs no
 * Apollo dependency).
 */
export function graphqlErrorMetricsPlugin() {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors(requestContext: {
          errors: ReadonlyArray<{ extensions?: Record<string, unknown> }>;
        }) {
          for (const error of requestContext.errors) {
            const code = error.extensions?.['code'];
            graphqlErrors.inc({ code: typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR' });
          }
        },
      };
    },
  };
}
