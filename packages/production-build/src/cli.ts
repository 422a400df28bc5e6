// `pnpm build` in a deployable's folder: bundles src/index.ts into dist/index.js (see
// bundle-deployable.ts); `start:production` then runs `node dist/index.js`.
import { bundleDeployable, describeBundle } from './bundle-deployable.js';

const packageDir = process.cwd();
const result = await bundleDeployable({ packageDir, entries: { index: 'src/index.ts' } });
for (const line of describeBundle(result)) process.stdout.write(`${line}\n`);
