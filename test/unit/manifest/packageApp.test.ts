// biome-ignore-all lint/suspicious/noTemplateCurlyInString: "${{SECRET_X}}" is a Teams Toolkit placeholder, not a JS template
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { encodePng } from '../../../scripts/manifest/encodePng';
import { PackagingError, packageApp, parseArgs } from '../../../scripts/package-app';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const PROVISIONED = [
  'TEAMS_APP_ID',
  'BOT_ID',
  'BOT_DOMAIN',
  'TAB_ENDPOINT',
  'AAD_APP_CLIENT_ID',
  'AAD_APP_ID_URI',
];

/**
 * A scratch copy of manifest/ and env/, so a test can break things without
 * touching the real ones. The dev env is reset to its unprovisioned state, in
 * case someone has provisioned dev and env/.env.dev now holds real values.
 */
function scratchRoot(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polku-package-'));
  fs.cpSync(path.join(ROOT, 'manifest'), path.join(dir, 'manifest'), { recursive: true });
  fs.cpSync(path.join(ROOT, 'env'), path.join(dir, 'env'), {
    recursive: true,
    filter: (src) => !src.endsWith('.user'), // never copy a developer's secrets around
  });
  const devFile = path.join(dir, 'env', '.env.dev');
  const unprovisioned = fs
    .readFileSync(devFile, 'utf8')
    .replace(new RegExp(`^(${PROVISIONED.join('|')})=.*$`, 'gm'), '$1=');
  fs.writeFileSync(devFile, unprovisioned);
  return dir;
}

async function refusal(promise: Promise<unknown>): Promise<PackagingError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof PackagingError) return err;
    throw err;
  }
  assert.fail('packaging should have refused');
}

describe('packageApp', function () {
  this.timeout(20000);
  let root: string;
  beforeEach(() => {
    root = scratchRoot();
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('refuses to package dev before provisioning, naming every unfilled placeholder', async () => {
    const err = await refusal(packageApp({ env: 'dev', rootDir: root, processEnv: {} }));
    assert.match(err.summary, /environment "dev": 6 placeholder\(s\) have no value/);
    for (const name of PROVISIONED) assert.match(err.message, new RegExp(`\\$\\{\\{${name}\\}\\}`));
    assert.match(err.message, /teamsapp provision --env dev/);
    assert.equal(fs.existsSync(path.join(root, 'appPackage')), false, 'no package may be written');
  });

  it('takes values from the process environment too', async () => {
    const env = {
      TEAMS_APP_ID: '11111111-2222-4333-8444-555555555555',
      BOT_ID: '22222222-2222-4333-8444-555555555555',
      BOT_DOMAIN: 'polku-dev.azurewebsites.net',
      TAB_ENDPOINT: 'https://polku-dev.azurewebsites.net',
      AAD_APP_CLIENT_ID: '33333333-2222-4333-8444-555555555555',
      AAD_APP_ID_URI: 'api://polku-dev.azurewebsites.net/33333333-2222-4333-8444-555555555555',
    };
    const result = await packageApp({ env: 'dev', rootDir: root, processEnv: env });
    assert.equal(path.basename(result.zipPath), 'polku-dev.zip');
    assert.equal(result.manifest.id, env.TEAMS_APP_ID);
    assert.deepEqual((result.manifest.name as { short: string }).short, 'Polku-dev');
  });

  it('refuses a placeholder that names a secret', async () => {
    const file = path.join(root, 'manifest', 'manifest.json');
    fs.writeFileSync(
      file,
      fs.readFileSync(file, 'utf8').replace('"version": "1.0.0"', '"version": "${{SECRET_X}}"'),
    );
    const err = await refusal(packageApp({ env: 'local', rootDir: root, processEnv: { SECRET_X: '1.0.0' } }));
    assert.match(err.message, /secrets never go into an app package/);
  });

  it('refuses a manifest that fails the schema and an icon of the wrong size, reporting both', async () => {
    const file = path.join(root, 'manifest', 'manifest.json');
    fs.writeFileSync(
      file,
      fs.readFileSync(file, 'utf8').replace('"accentColor": "#2E7D6B"', '"accentColor": "teal"'),
    );
    const small = encodePng({ width: 64, height: 64, channels: 3, pixels: new Uint8Array(64 * 64 * 3) });
    fs.writeFileSync(path.join(root, 'manifest', 'color.png'), small);
    const err = await refusal(packageApp({ env: 'local', rootDir: root, processEnv: {} }));
    assert.match(err.message, /manifest\.json: \/accentColor/);
    assert.match(err.message, /color\.png is 64x64; Teams requires 192x192/);
  });

  it('requires --env', () => {
    assert.deepEqual(parseArgs(['--env', 'local']), { env: 'local' });
    assert.deepEqual(parseArgs(['--env=dev']), { env: 'dev' });
    assert.throws(() => parseArgs([]), /Usage: npm run package -- --env/);
    assert.throws(() => parseArgs(['--env', '--verbose']), PackagingError);
  });
});
