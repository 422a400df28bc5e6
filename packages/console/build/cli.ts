// `pnpm --filter @heli/console build`: builds (or finds) the current build and prints its directory.
import { ensureConsoleBuilt } from './ensure-built.js';

const dir = await ensureConsoleBuilt((line) => process.stderr.write(`${line}\n`));
process.stdout.write(`${dir}\n`);
