/**
 * What the Agents Playground browser tests share: the stack (in-memory
 * Azurite, the real server, one Playground per person on its own port with
 * its own config, headless Chromium), the Playground's stable selectors, the
 * tab API as a person (dev sign-in), screenshots and failure diagnostics.
 *
 * A stack keeps every handle as soon as it exists, so stop() in a mocha
 * after() ends whatever did start, even when start() failed half-way.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { DemoUser } from '../../bot/src/devsupport/demoOrganisation';
import { resolveLocale } from '../../bot/src/i18n/locale';
import { translator } from '../../bot/src/i18n/translate';
import { type PlaygroundHandle, startPlayground } from '../../scripts/playground/startPlayground';
import { type AzuriteHandle, startAzurite } from './azurite';
import { type BrowserHandle, blockNonLoopback, launchChromium } from './chromium';
import { assertLoopbackOnly } from './loopbackOnly';
import { freePort } from './ports';
import { type ServerHandle, startServer } from './serverProcess';

/** The composer (Lexical editor) of a chat or a new channel post. */
export const COMPOSER = '[contenteditable="true"][role="textbox"][data-lexical-editor="true"]';
/** One rendered Adaptive Card. */
export const CARD = '.ac-adaptiveCard';
/** One message in a chat. */
export const MESSAGE = 'div:has(> [aria-label="Message header"])';
/** Waits for what a person would wait for: a card, a banner, a log line. */
export const SEEN = { timeout: 20000 } as const;

/** A rendered Adaptive Card holding this text (case-insensitive substring, as Playwright's hasText). */
export function card(page: Page, text: string): Locator {
  return page.locator(CARD, { hasText: text });
}

/** A rendered Adaptive Card with a text block that reads exactly this (a heading, say). */
export function cardTitled(page: Page, title: string): Locator {
  return page.locator(CARD).filter({ has: page.getByText(title, { exact: true }) });
}

/** One person in their own Playground. */
export interface Person {
  readonly user: DemoUser;
  readonly playground: PlaygroundHandle;
  readonly page: Page;
}

/** Shows the person's personal chat with Polku and waits until its messages are there. */
export async function openPersonalChat({ page }: Person): Promise<void> {
  await page.getByText('Personal Chat', { exact: true }).click();
  await page.locator(MESSAGE).first().waitFor(SEEN);
}

/** Distinct free loopback ports. */
async function freePorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  while (ports.length < count) {
    const port = await freePort();
    if (!ports.includes(port)) ports.push(port);
  }
  return ports;
}

export class PlaygroundStack {
  azurite: AzuriteHandle | undefined;
  server: ServerHandle | undefined;
  browser: BrowserHandle | undefined;
  readonly playgrounds: PlaygroundHandle[] = [];
  readonly people: Person[] = [];
  private workDir = '';
  private shot = 0;

  /** name: the work directory's prefix (polku-<name>-) and the screenshots' (/tmp/<name>-NN-*.png). */
  constructor(private readonly name: string) {}

  /**
   * Starts everything and opens each person's Playground in its own page (which
   * installs Polku in their personal chat); resolves once each has the welcome.
   */
  async start(users: readonly DemoUser[], serverEnv: Record<string, string> = {}): Promise<Person[]> {
    this.workDir = mkdtempSync(path.join(os.tmpdir(), `polku-${this.name}-`));
    this.azurite = await startAzurite();
    this.server = await startServer({
      TABLES_CONNECTION_STRING: this.azurite.connectionString,
      ...serverEnv,
    });
    const serverPort = this.server.port;
    const ports = await freePorts(users.length);
    const playgrounds = await Promise.all([
      ...users.map((user, i) =>
        startPlayground({ serverPort, port: ports[i], user, workDir: this.workDir }).then((p) => {
          this.playgrounds.push(p);
          return p;
        }),
      ),
      launchChromium().then((c) => {
        this.browser = c;
      }),
    ]);
    for (const [i, user] of users.entries()) {
      this.people.push(await this.open(user, playgrounds[i] as PlaygroundHandle));
    }
    return [...this.people];
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    await Promise.all(this.playgrounds.map((p) => p.stop()));
    await this.server?.stop();
    await this.azurite?.stop();
    if (this.workDir) rmSync(this.workDir, { recursive: true, force: true });
  }

  get baseUrl(): string {
    if (!this.server) throw new Error('the stack has not started');
    return this.server.baseUrl;
  }

  /** The tab API as `user` (dev sign-in, as the tab does locally); asserts 200 and returns the JSON. */
  async api(
    user: DemoUser,
    method: string,
    apiPath: string,
    body?: unknown,
  ): Promise<Record<string, unknown>> {
    const signIn = await fetch(`${this.baseUrl}/api/v1/dev/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: user.aadObjectId }),
    });
    assert.equal(signIn.status, 200, await signIn.clone().text());
    const { token } = (await signIn.json()) as { token: string };
    const res = await fetch(`${this.baseUrl}/api/v1${apiPath}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    assert.equal(res.status, 200, `${method} ${apiPath}: ${res.status} ${text}`);
    return JSON.parse(text) as Record<string, unknown>;
  }

  /** /tmp/<name>-NN-<what>.png of the page, scrolled to `focus` first. */
  async screenshot(page: Page, what: string, focus?: Locator): Promise<void> {
    await focus?.scrollIntoViewIfNeeded();
    this.shot += 1;
    await page.screenshot({ path: `/tmp/${this.name}-${String(this.shot).padStart(2, '0')}-${what}.png` });
  }

  /** The server's JSON log lines. */
  logLines(): string[] {
    return (
      this.server
        ?.logs()
        .split('\n')
        .filter((l) => l.startsWith('{')) ?? []
    );
  }

  /** Log lines at warn or worse: a failed send, a lost update. */
  problems(): string[] {
    return (this.server?.logs() ?? '').split('\n').filter((l) => /"level":"(warn|error|fatal)"/.test(l));
  }

  /** Every port of the stack listens, and only on loopback. */
  assertLoopbackOnly(): void {
    assertLoopbackOnly([
      this.azurite?.port ?? 0,
      this.server?.port ?? 0,
      ...this.playgrounds.map((p) => p.port),
    ]);
  }

  /** For a mocha afterEach: after a failed test, each page as it was and the server log's tail. */
  async diagnose(ctx: Mocha.Context): Promise<void> {
    if (ctx.currentTest?.state !== 'failed') return;
    for (const p of this.people) {
      await p.page
        .screenshot({ path: `/tmp/${this.name}-failed-${p.user.givenName.toLowerCase()}.png` })
        .catch(() => undefined);
    }
    console.error('server log (tail):\n', this.logLines().slice(-15).join('\n'));
  }

  /** Opens the Playground's UI, which installs Polku in the personal chat; waits for the welcome. */
  private async open(user: DemoUser, playground: PlaygroundHandle): Promise<Person> {
    if (!this.browser) throw new Error('no browser');
    const t = translator(resolveLocale(user.locale));
    const page = await this.browser.browser.newPage({ viewport: { width: 1400, height: 1100 } });
    await blockNonLoopback(page);
    await page.goto(playground.url);
    await page.getByText(user.name, { exact: true }).first().waitFor(SEEN);
    await card(page, t('welcome.title')).first().waitFor(SEEN);
    return { user, playground, page };
  }
}
