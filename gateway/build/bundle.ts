// The production build of the gateway (ADR 015): `pnpm --filter @heli/gateway build` → dist/, so
// `node dist/index.js` starts without transpiling anything. Two whole bundles: the supervisor
// (index.js) and the server (worker.js); the workspace packages are marked free of side effects so
// the supervisor's bundle holds only what it uses.
import { fileURLToPath } from 'node:url';
import { bundleDeployable, describeBundle } from '@heli/production-build';

const result = await bundleDeployable({
  packageDir: fileURLToPath(new URL('..', import.meta.url)),
  entries: { index: 'src/index.ts', worker: 'src/worker.ts' },
  workspaceWithoutSideEffects: true,
});
for (const line of describeBundle(result)) console.log(line);
