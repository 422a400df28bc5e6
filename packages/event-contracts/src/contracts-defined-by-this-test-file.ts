import { afterAll } from 'vitest';
import { eventContracts } from './event-registry.js';

/**
 * For a test file that defines contracts of its own: forgets them once the file is done. The
 * registry is process-wide, and unit test files share one module graph (`isolate: false` in
 * vitest.config.ts), so a test contract left behind would show up in, say, the JSON schemas
 * another file compares with the checked-in ones. Call it at the top of the file.
 */
export function forgetContractsDefinedByThisTestFile(): void {
  const known = new Set(Object.keys(eventContracts));
  afterAll(() => {
    // The registry is read-only to the application; only tests take contracts out of it.
    const registry = eventContracts as Record<string, unknown>;
    for (const fullType of Object.keys(registry)) {
      if (!known.has(fullType)) delete registry[fullType];
    }
  });
}
