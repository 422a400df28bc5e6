import { ensureConsoleBuilt } from '@heli/console/build';
import { createAssessmentSubgraph } from '@heli/assessment';
import { createSharingSubgraph } from '@heli/sharing';
import type { TestProject } from 'vitest/node';
import { launchChromiumServer } from '../harness/browser.js';
import {
  assessmentPart,
  notificationsPart,
  responsibilityPart,
  sharingPart,
} from '../harness/service-parts.js';
import { startStack, type Stack } from '../harness/stack.js';

/**
 * Global setup of the browser tier, in vitest's main process: builds the console (reusing a
 * current build), starts one stack for every browser file — responsibility, sharing with its demo
 * catalogue, assessment with a year of scored events, notifications; the console served by the
 * gateway with development sign-in, as `pnpm start` runs it — and one Chromium. Starting a stack
 * per file cost about a minute each.
 *
 * Everything runs here, not in the test workers, so the teardown below closes it whatever the
 * tests did (a failure, a timeout, a worker that died): the browser is killed with its process
 * group, the stack closed within a bound. A straggler holding the output open once kept CI
 * waiting until its 90-minute limit.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const consoleDir = await ensureConsoleBuilt();
  project.provide('consoleDir', consoleDir);
  let stack: Stack | undefined;
  let browser: Awaited<ReturnType<typeof launchChromiumServer>> | undefined;
  // Within vitest's 10 s for closing, so the run's other teardowns (its NATS streams) still run;
  // whatever of the stack is still closing then ends with the process (it is all in-process).
  const teardown = async () => {
    await Promise.all([
      browser?.close(),
      Promise.race([stack?.close(), new Promise((done) => setTimeout(done, 7_000))]),
    ]);
  };
  try {
    [stack, browser] = await Promise.all([
      startStack(
        [
          responsibilityPart(),
          {
            ...sharingPart(),
            definition: createSharingSubgraph({ loadDemoData: true, sweepIntervalMs: 0 }),
          },
          { ...assessmentPart(), definition: createAssessmentSubgraph({ loadDemoData: true }) },
          notificationsPart(),
        ],
        { gatewayEnv: { CONSOLE_DIR: consoleDir, DEV_SIGN_IN: 'true' } },
      ),
      launchChromiumServer(),
    ]);
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide('consoleOrigin', new URL(stack.gatewayUrl).origin);
  project.provide('chromiumEndpoint', browser.wsEndpoint);
  return teardown;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The console's build (`dist/<hash>`), for files that serve it themselves. */
    consoleDir: string;
    /** The shared stack's gateway, serving the console: `http://127.0.0.1:<port>`. */
    consoleOrigin: string;
    /** The shared Chromium, for `connectChromium`. */
    chromiumEndpoint: string;
  }
}
