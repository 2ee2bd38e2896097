/**
 * The supervisor's dashboard in a real headless Chromium against the real
 * server and Azurite with seeded pairs, goals and meetings: it shows the
 * pairs and goals, filtering narrows them, the export downloads an
 * Excel-safe CSV, a goal with <script> stays text, and it reads in light
 * and dark. Screenshots go to test-results/ (gitignored) for a human.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_TENANT_ID, type DemoUser } from '../../bot/src/devsupport/demoOrganisation';
import { type AzuriteHandle, startAzurite } from '../support/azurite';
import { type BrowserHandle, launchChromium, requireChromium } from '../support/chromium';
import { type ConnectorStandIn, startConnectorStandIn } from '../support/connectorStandIn';
import { DashboardSeed } from '../support/dashboardSeed';
import {
  aino,
  buildTabInto,
  DEMO_ROSTER,
  eveliina,
  mikko,
  onni,
  openSignedIn,
  Seeder,
  sanna,
  VOLUNTEERS,
} from '../support/programmeSeed';
import { type ServerHandle, startServer } from '../support/serverProcess';

const NAME = 'Asiakaspalvelun mentorointi';
const SCRIPT_GOAL = '<script>window.__polkuXss = 1</script>Oppia johtamaan muutosta';
const FORMULA_GOAL = '=HYPERLINK("http://evil.example","klikkaa")';
const DAY = 86_400_000;
const SHOTS = path.resolve(__dirname, '../../test-results');
const inPage = <T>(page: Page, expression: string) => page.evaluate<T>(expression);

describe('the programme dashboard in the tab (e2e)', function () {
  this.timeout(120000);
  let azurite: AzuriteHandle | undefined;
  let connector: ConnectorStandIn | undefined;
  let server: ServerHandle | undefined;
  let chromium: BrowserHandle | undefined;
  let seed: Seeder;
  let tabDir = '';
  let programmeId = '';
  const errors: string[] = [];

  before(async function () {
    requireChromium(this);
    mkdirSync(SHOTS, { recursive: true });
    tabDir = buildTabInto(mkdtempSync(path.join(tmpdir(), 'polku-tab-')));
    [azurite, connector] = await Promise.all([
      startAzurite(),
      startConnectorStandIn({ roster: DEMO_ROSTER }),
    ]);
    const tablePrefix = `d${Math.random().toString(36).slice(2, 9)}`;
    server = await startServer({
      TABLES_CONNECTION_STRING: azurite.connectionString,
      TABLE_PREFIX: tablePrefix,
      TAB_DIST_DIR: tabDir,
    });
    chromium = await launchChromium();
    seed = new Seeder(server.baseUrl, connector.serviceUrl);
    await seed.installInDemoChannel();
    programmeId = await seed.createProgramme(sanna, NAME);
    for (const v of VOLUNTEERS.filter((v) => [aino, mikko, eveliina, onni].includes(v.user))) {
      await seed.signUp(programmeId, v);
    }
    const first = await seed.confirmPair(sanna, programmeId, aino, [eveliina]);
    const second = await seed.confirmPair(sanna, programmeId, mikko, [onni]);
    const data = new DashboardSeed(azurite.connectionString, tablePrefix);
    await data.goalsInForce(programmeId, first, [SCRIPT_GOAL, FORMULA_GOAL]);
    const ids = { tenantId: DEMO_TENANT_ID, mentorId: aino.aadObjectId };
    await data.meeting(programmeId, first, ids, 1, new Date(Date.now() - 35 * DAY), true);
    await data.meeting(programmeId, first, ids, 2, new Date(Date.now() - 7 * DAY), true);
    await data.meeting(programmeId, first, ids, 3, new Date(Date.now() + 14 * DAY), false);
    // Formed three weeks ago and not agreed: the dashboard flags it.
    await data.formedAt(programmeId, second, new Date(Date.now() - 21 * DAY));
  });

  after(async () => {
    await chromium?.close();
    await server?.stop();
    await connector?.close();
    await azurite?.stop();
    if (tabDir) rmSync(tabDir, { recursive: true, force: true });
  });

  afterEach(async () => {
    for (const c of chromium?.browser.contexts() ?? []) await c.close();
    assert.deepEqual(
      errors.splice(0).filter((e) => !/status of 403/.test(e)),
      [],
      'no console errors',
    );
  });

  async function openDashboard(user: DemoUser, viewport = { width: 1280, height: 900 }): Promise<Page> {
    assert.ok(chromium && server);
    const page = await openSignedIn(chromium.browser, seed, user, viewport, errors);
    await page.goto(`${server.baseUrl}/tab/#/programmes/${programmeId}/dashboard`);
    return page;
  }
  const rows = (page: Page) => page.getByTestId('dashboard-pairs').getByTestId('pair-row');

  it('is reached from the programme page and shows the seeded pairs, goals and figures', async () => {
    assert.ok(server);
    const page = await openSignedIn(chromium!.browser, seed, sanna, { width: 1280, height: 900 }, errors);
    await page.goto(`${server.baseUrl}/tab/#/programmes/${programmeId}`);
    await page.getByRole('link', { name: 'Avaa tilannekuva' }).click();
    await page.getByRole('heading', { level: 1, name: `${NAME} – Tilannekuva` }).waitFor();
    await rows(page).first().waitFor();
    assert.equal(await rows(page).count(), 2);
    const table = page.getByTestId('dashboard-pairs');
    for (const name of [aino.name, eveliina.name, mikko.name, onni.name])
      await table.getByText(name).first().waitFor();
    const goals = table.getByTestId('pair-goals').getByRole('listitem');
    assert.deepEqual(await goals.allTextContents(), [SCRIPT_GOAL, FORMULA_GOAL], 'goals shown as text');
    assert.equal(await inPage(page, 'window.__polkuXss'), undefined, 'the goal’s script never ran');
    assert.equal(await table.locator('script').count(), 0);
    const figures = page.getByTestId('key-figures');
    assert.equal(await figures.locator('[data-figure="pairs"] dd').first().textContent(), '2');
    assert.equal(await figures.locator('[data-figure="meetings"] dd').first().textContent(), '2');
    assert.equal(await figures.locator('[data-figure="attention"] dd').first().textContent(), '1');
    await page.getByTestId('dashboard-phase').getByText('Vaihe: jatkuva, käynnissä').waitFor();
    // Charts carry their numbers as text, and a table of them.
    const funnel = page.getByTestId('chart-funnel');
    await funnel.getByText('Näytä taulukkona').click();
    assert.deepEqual(await funnel.locator('tbody th').allTextContents(), [
      'Ilmoittautui',
      'Sai parin',
      'Sopimus voimassa',
      'Jatkaa väliarvioinnin jälkeen',
    ]);
    assert.deepEqual(await funnel.locator('tbody td').allTextContents(), ['4', '4', '2', '0']);
    await page
      .getByTestId('chart-evaluation')
      .getByText(/vähintään kolme/)
      .waitFor();
  });

  it('filters by attention, status and search, and says how many it shows', async () => {
    const page = await openDashboard(sanna);
    await rows(page).first().waitFor();
    const filters = page.getByTestId('pair-filters');
    await filters.getByLabel('Huomioitavaa').selectOption('any');
    await page.getByTestId('pairs-shown').getByText('Näytetään 1/2 paria').waitFor();
    assert.equal(await rows(page).count(), 1);
    await rows(page).getByText('Ei sopimusta kaksi viikkoa muodostamisesta').waitFor();
    await rows(page).getByText(mikko.name).waitFor();
    await filters.getByLabel('Huomioitavaa').selectOption('all');
    await filters.getByLabel('Tila').selectOption('active');
    assert.equal(await rows(page).count(), 1);
    await rows(page).getByText(aino.name).waitFor();
    await filters.getByLabel('Tila').selectOption('all');
    await filters.getByLabel('Hae nimistä ja tavoitteista').fill('johtamaan');
    await page.getByTestId('pairs-shown').getByText('Näytetään 1/2 paria').waitFor();
    await rows(page).getByText(eveliina.name).waitFor();
    await filters.getByLabel('Hae nimistä ja tavoitteista').fill('ei ketään tällaista');
    await page
      .getByTestId('pairs-shown')
      .getByText(/Yksikään pari ei vastaa/)
      .waitFor();
    assert.equal(await rows(page).count(), 0);
  });

  it('downloads pairs and goals as CSV with formulas neutralised', async () => {
    const page = await openDashboard(sanna);
    await rows(page).first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Vie parit ja tavoitteet (CSV)' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'asiakaspalvelun-mentorointi-pairs.csv');
    const file = await download.path();
    const bytes = readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    assert.match(text, /^"Mentori","Aktorit","Muoto","Tila","Tavoite 1","Tavoite 2"/);
    assert.ok(text.includes(`"'=HYPERLINK(""http://evil.example"",""klikkaa"")"`), text);
    await page.getByText('Ladattu: asiakaspalvelun-mentorointi-pairs.csv.').waitFor();
  });

  it('fits a narrow side panel and reads in light and dark themes (screenshots)', async () => {
    const page = await openDashboard(sanna);
    await rows(page).first().waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'dashboard-light-1280.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: path.join(SHOTS, 'dashboard-dark-1280.png'), fullPage: true });
    const background = await inPage<string>(page, 'getComputedStyle(document.body).backgroundColor');
    assert.notEqual(background, 'rgb(255, 255, 255)', 'dark theme applied');
    await page.setViewportSize({ width: 360, height: 800 });
    // The table's rows are there until the resize re-renders: wait for the table to give way to cards.
    await page.getByTestId('dashboard-pairs').locator('table').waitFor({ state: 'detached' });
    await rows(page).first().waitFor();
    assert.equal(await page.getByTestId('dashboard-pairs').locator('table').count(), 0, 'cards, not a table');
    assert.ok(
      (await inPage<number>(page, 'document.documentElement.scrollWidth - window.innerWidth')) <= 0,
      'no sideways scrolling at 360 px',
    );
    await page.screenshot({ path: path.join(SHOTS, 'dashboard-dark-360.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.screenshot({ path: path.join(SHOTS, 'dashboard-light-360.png'), fullPage: true });
  });

  it('tells a pair member plainly that the dashboard is not theirs', async () => {
    const page = await openDashboard(aino);
    await page.getByRole('alert').waitFor();
    assert.equal(await rows(page).count(), 0);
    assert.equal(await page.getByText(SCRIPT_GOAL).count(), 0);
  });
});
