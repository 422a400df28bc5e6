// Writes json-schema/<full type>.json for every event contract, for consumers outside TypeScript.
// Usage: pnpm --filter @heli/event-contracts json-schema
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { toJsonSchemas } from '../index.js';

const outDir = new URL('../../json-schema/', import.meta.url);

await mkdir(outDir, { recursive: true });
// Removed contracts must not leave stale files behind.
for (const file of await readdir(outDir)) {
  if (file.endsWith('.json')) await rm(new URL(file, outDir));
}
const schemas = toJsonSchemas();
for (const [fullType, schema] of Object.entries(schemas)) {
  const file = new URL(`${fullType}.json`, outDir);
  // Formatted as the repository's `prettier --check` expects, so regenerating never fails lint.
  const options = (await resolveConfig(fileURLToPath(file))) ?? {};
  await writeFile(file, await format(JSON.stringify(schema), { ...options, parser: 'json' }));
}
process.stdout.write(`wrote ${Object.keys(schemas).length} schemas to ${fileURLToPath(outDir)}\n`);
