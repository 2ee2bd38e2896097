/**
 * The local Teams client end to end: in-memory Azurite, the real server and
 * the Microsoft 365 Agents Playground (as `npm start` runs it), driven in
 * headless Chromium like a person would. Opening the Playground installs the
 * app in the personal chat; Polku must welcome the user, answer "help" in the
 * user's language, and nothing may listen off loopback.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { resolveLocale } from '../../bot/src/i18n/locale';
import { translator } from '../../bot/src/i18n/translate';
import { selectPlaygroundUser } from '../../scripts/playground/config';
import { type PlaygroundHandle, startPlayground } from '../../scripts/playground/startPlayground';
import { type AzuriteHandle, startAzurite } from '../support/azurite';
import { type BrowserHandle, blockNonLoopback, launchChromium, requireChromium } from '../support/chromium';
import { assertLoopbackOnly } from '../support/loopbackOnly';
import { freePort } from '../support/ports';
import { type ServerHandle, startServer } from '../support/serverProcess';

const COMPOSER = '[contenteditable="true"][role="textbox"][data-lexical-editor="true"]';
const MESSAGE = 'div:has(> [aria-label="Message header"])';
const AUTHOR = '[aria-label="Message author"]';
const CARD = '.ac-adaptiveCard';

const CASES = [
  // Sanna's own locale (fi-FI) comes from the demo organisation; "apua" is Finnish for help.
  { user: 'Sanna', command: 'apua', expectLocale: 'fi-FI', shot: 'fi' },
  // Ville works in London (en-GB).
  { user: 'Ville', command: 'help', expectLocale: 'en-GB', shot: 'en' },
] as const;

/** The message (header + body) holding a card with this text, as the Playground renders it. */
function messageWithCard(page: Page, text: string | RegExp) {
  return page.locator(MESSAGE).filter({ has: page.locator(CARD, { hasText: text }) });
}

describe('Agents Playground end to end (Chromium)', function () {
  this.timeout(120000);
  let azurite: AzuriteHandle | undefined;
  let server: ServerHandle | undefined;
  let browser: BrowserHandle | undefined;
  let workDir: string;

  before(async function () {
    requireChromium(this);
    workDir = mkdtempSync(path.join(os.tmpdir(), 'polku-playground-'));
    azurite = await startAzurite();
    server = await startServer({ TABLES_CONNECTION_STRING: azurite.connectionString });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    await azurite?.stop();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  for (const c of CASES) {
    it(`welcomes ${c.user} and answers "${c.command}" in ${c.expectLocale}, on loopback only`, async () => {
      const user = selectPlaygroundUser(c.user);
      let playground: PlaygroundHandle | undefined;
      let page: Page | undefined;
      try {
        playground = await startPlayground({
          serverPort: server!.port,
          port: await freePort(),
          user,
          workDir,
        });
        assert.equal(playground.locale, c.expectLocale);
        const t = translator(resolveLocale(playground.locale));
        const fi = translator('fi');

        page = await browser!.browser.newPage({ viewport: { width: 1400, height: 1100 } });
        await blockNonLoopback(page);
        await page.goto(playground.url);
        await page.getByText(user.name, { exact: true }).first().waitFor();

        // Opening the chat sends installationUpdate (with the user's locale) and conversationUpdate
        // (without one, as Teams does); whichever the server handles first is welcomed, once.
        const welcome = messageWithCard(page, new RegExp(`${t('welcome.title')}|${fi('welcome.title')}`));
        await welcome.first().waitFor({ timeout: 20000 });
        assert.equal(await welcome.first().locator(AUTHOR).textContent(), 'Polku');
        await page.getByText(/installationUpdate\s+200/).waitFor();
        await page.getByText(/conversationUpdate\s+200/).waitFor();

        const composer = page.locator(COMPOSER);
        await composer.click();
        await composer.pressSequentially(c.command);
        await composer.press('Enter');

        const help = messageWithCard(page, t('help.title'));
        await help.waitFor({ timeout: 20000 });
        assert.equal(await help.locator(AUTHOR).textContent(), 'Polku');
        await page.locator(MESSAGE, { hasText: c.command }).first().waitFor();
        assert.equal(await welcome.count(), 1, 'exactly one welcome card');
        if (resolveLocale(c.expectLocale) !== 'fi') {
          assert.equal(await messageWithCard(page, fi('help.title')).count(), 0, 'no Finnish help card');
        }

        await page.screenshot({ path: `/tmp/playground-${c.shot}.png`, fullPage: true });
        assertLoopbackOnly([azurite!.port, server!.port, playground.port]);
      } finally {
        await page?.close();
        await playground?.stop();
      }
    });
  }
});
