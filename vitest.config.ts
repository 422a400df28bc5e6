import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// graphql 16 ships CommonJS (main) and ESM (module) builds. Node loads the CommonJS one for
// everybody (Apollo's packages are CommonJS); vite would hand our ESM code the other build, and
// graphql refuses types from a second copy ("from another module or realm"). Pin both to one.
const graphqlEntry = createRequire(import.meta.url).resolve('graphql');

// Every tier that talks to NATS tags its namespaces with the run's tag and deletes the run's
// streams at the end, so a long-lived NATS does not collect every run's streams.
const RUN_STREAMS = './packages/testkit/src/test-run-streams.ts';

// Three tiers, told apart by file suffix (docs/adr/002-test-tiers.md):
// *.test.ts unit beside the code, *.int.test.ts against the embedded MongoDB-wire server and
// real NATS, e2e/**/*.e2e.ts through the gateway.
export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
  test: {
    reporters: [
      'default',
      './scripts/test-summary-reporter.ts',
      './scripts/long-running-test-reporter.ts',
    ],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // Unit test files share one module graph per worker instead of loading it again for
          // each of ~200 files: the unit tier took 171 s, 144 of them imports, and takes 28 s so.
          // A unit test must therefore leave no process-wide state behind (docs/adr/002).
          isolate: false,
          include: [
            '{packages,services}/*/src/**/*.test.ts',
            'gateway/src/**/*.test.ts',
            'scripts/**/*.test.ts',
            // The production topology's files, validated (compose file, Kubernetes manifests).
            'infra/test/**/*.test.ts',
          ],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: [
            '{packages,services}/*/{src,test}/**/*.int.test.ts',
            'gateway/{src,test}/**/*.int.test.ts',
          ],
          globalSetup: [RUN_STREAMS],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          globalSetup: [RUN_STREAMS],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          // The web console in a real Chromium (packages/console, docs/adr/009): the console built,
          // one stack and one Chromium started once for every file (e2e/console/browser-tier.ts).
          name: 'browser',
          include: ['e2e/**/*.browser.ts'],
          globalSetup: [RUN_STREAMS, 'e2e/console/browser-tier.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          // The console's components, rendered in happy-dom.
          name: 'console',
          include: ['packages/console/src/**/*.test.tsx'],
          environment: 'happy-dom',
          setupFiles: ['packages/console/test/setup-dom.ts'],
        },
      },
    ],
  },
});
