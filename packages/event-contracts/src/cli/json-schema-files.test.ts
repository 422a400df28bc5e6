import { readFile, readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { toJsonSchemas } from '../index.js';

const schemaDir = new URL('../../json-schema/', import.meta.url);

describe('checked-in json-schema/ files', () => {
  // Consumers outside TypeScript read these files, so a contract change must regenerate them.
  it('match the contracts (run `pnpm --filter @heli/event-contracts json-schema` if not)', async () => {
    const files = (await readdir(schemaDir)).filter((f) => f.endsWith('.json'));
    const onDisk = Object.fromEntries(
      await Promise.all(
        files.map(async (f) => [
          f.replace(/\.json$/, ''),
          JSON.parse(await readFile(new URL(f, schemaDir), 'utf8')),
        ]),
      ),
    );

    expect(onDisk).toEqual(toJsonSchemas());
  });
});
