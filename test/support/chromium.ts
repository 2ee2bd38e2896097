/**
 * Headless Debian Chromium (Playwright gives every launch a fresh, temporary profile) for the browser tests, driven by playwright-core.
 * In CI a missing browser fails the run; elsewhere those tests are skipped
 * with a message saying how to install it.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/** Call in a mocha `before`: skips (locally) or fails (CI) when Chromium is missing. */
export function requireChromium(ctx: Mocha.Context): void {
  if (chromiumAvailable()) return;
  if (process.env.CI)
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}; CI must install it (apt-get install -y chromium)`,
    );
  console.warn(`Skipping browser tests: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium)`);
  ctx.skip();
}

export interface BrowserHandle {
  readonly browser: Browser;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<BrowserHandle> {
  const browser = await chromium.launch({
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
  return {
    browser,
    async close() {
      await browser.close();
    },
  };
}

/** Only loopback traffic leaves the page: the machine has no other network, and tests must not depend on one. */
export async function blockNonLoopback(page: import('playwright-core').Page): Promise<void> {
  await page.route('**/*', (route) => {
    const host = new URL(route.request().url()).hostname;
    if (
      host === '127.0.0.1' ||
      host === 'localhost' ||
      host === '[::1]' ||
      route.request().url().startsWith('data:')
    ) {
      return route.continue();
    }
    return route.abort();
  });
}
