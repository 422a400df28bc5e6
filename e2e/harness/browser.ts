import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * The system's Chromium (Debian's `chromium`, installed by .ci/run with fonts-noto-cjk so Chinese
 * renders); playwright-core never downloads a browser. CHROMIUM_PATH points elsewhere if needed.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where screenshots go (a test artifact, not checked in). */
export const ARTIFACTS_DIR =
  process.env.TEST_ARTIFACTS_DIR ??
  join(import.meta.dirname, '..', '..', '.data', 'test-artifacts', 'console');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * One headless Chromium for the whole browser tier, started by its global setup in vitest's main
 * process: the test files connect to it (`connectChromium`), each person at a desk in a context
 * of their own (a fresh profile each). `kill()` ends its whole process group, whatever state the
 * browser is in, so nothing it started outlives the run.
 */
export async function launchChromiumServer(): Promise<{
  wsEndpoint: string;
  close(): Promise<void>;
  kill(): void;
}> {
  const server = await chromium.launchServer({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const pid = server.process().pid;
  const kill = () => {
    if (pid === undefined) return;
    // Playwright starts the browser as a process-group leader: the group holds its helpers too.
    for (const target of [-pid, pid]) {
      try {
        process.kill(target, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  };
  // Whatever ends the main process, the browser goes with it.
  process.once('exit', kill);
  return {
    wsEndpoint: server.wsEndpoint(),
    close: async () => {
      // A browser that does not close at once is killed rather than waited for.
      await Promise.race([server.close(), new Promise((done) => setTimeout(done, 3_000))]);
      kill();
      process.removeListener('exit', kill);
    },
    kill,
  };
}

/** The browser tier's Chromium, from a test file; `close()` ends this file's contexts. */
export async function connectChromium(wsEndpoint: string): Promise<Browser> {
  return chromium.connect(wsEndpoint);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
}
