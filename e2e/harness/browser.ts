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

/** Headless Chromium with a fresh profile (playwright gives every launch its own) and no network chatter. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
}
