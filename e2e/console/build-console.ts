import { ensureConsoleBuilt } from '@heli/console/build';
import type { TestProject } from 'vitest/node';

/** Builds the console once for the browser tier (reusing a current build) and hands its directory to the tests. */
export default async function setup(project: TestProject): Promise<void> {
  project.provide('consoleDir', await ensureConsoleBuilt());
}

declare module 'vitest' {
  export interface ProvidedContext {
    consoleDir: string;
  }
}
