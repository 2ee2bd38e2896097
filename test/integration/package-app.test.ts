/**
 * Runs the real command (`npm run package -- --env <env>`) as a user would and
 * reads the zip it wrote back with our own central-directory reader, cross-
 * checked with `unzip -Z1` where that tool exists.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseEnvText } from '../../scripts/manifest/loadEnvFile';
import { readPngSize } from '../../scripts/manifest/readPngSize';
import { readZip } from '../../scripts/manifest/readZip';

const ROOT = path.resolve(__dirname, '..', '..');
const ZIP = path.join(ROOT, 'appPackage', 'build', 'polku-local.zip');
const EXPECTED_ENTRIES = ['manifest.json', 'color.png', 'outline.png', 'sv.json', 'en.json'];
const PLACEHOLDER_NAMES = [
  'TEAMS_APP_ID',
  'BOT_ID',
  'BOT_DOMAIN',
  'TAB_ENDPOINT',
  'AAD_APP_CLIENT_ID',
  'AAD_APP_ID_URI',
  'APP_NAME_SUFFIX',
];

/** The caller's environment minus anything that would override the env files. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of PLACEHOLDER_NAMES) delete env[name];
  return env;
}

function runPackage(envName: string) {
  return spawnSync('npm', ['run', '--silent', 'package', '--', '--env', envName], {
    cwd: ROOT,
    env: cleanEnv(),
    encoding: 'utf8',
    timeout: 60000,
  });
}

describe('npm run package', function () {
  this.timeout(90000);

  describe('--env local', () => {
    let zip: Buffer;
    before(() => {
      fs.rmSync(ZIP, { force: true });
      const run = runPackage('local');
      assert.equal(run.status, 0, `exit ${run.status}\n${run.stdout}\n${run.stderr}`);
      assert.match(run.stdout, /Packaged appPackage\/build\/polku-local\.zip/);
      zip = fs.readFileSync(ZIP);
    });

    it('writes a zip holding exactly the manifest, both icons and both language files', () => {
      assert.deepEqual(
        readZip(zip)
          .map((e) => e.name)
          .sort(),
        [...EXPECTED_ENTRIES].sort(),
      );
    });

    it('agrees with unzip, where unzip is installed', function () {
      const which = spawnSync('sh', ['-c', 'command -v unzip'], { encoding: 'utf8' });
      if (which.status !== 0) this.skip();
      const listing = spawnSync('unzip', ['-Z1', ZIP], { encoding: 'utf8' });
      assert.equal(listing.status, 0, listing.stderr);
      assert.deepEqual(listing.stdout.trim().split('\n').sort(), [...EXPECTED_ENTRIES].sort());
    });

    it('fills the manifest and language files with env/.env.local, leaving no placeholder', () => {
      const local = parseEnvText(fs.readFileSync(path.join(ROOT, 'env', '.env.local'), 'utf8'));
      const entries = new Map(readZip(zip).map((e) => [e.name, e.read()]));
      for (const name of ['manifest.json', 'sv.json', 'en.json']) {
        assert.doesNotMatch(entries.get(name)!.toString('utf8'), /\$\{\{/, `${name} still has a placeholder`);
      }
      const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8'));
      assert.equal(manifest.id, local.TEAMS_APP_ID);
      assert.equal(manifest.bots[0].botId, local.BOT_ID);
      assert.deepEqual(manifest.validDomains, [local.BOT_DOMAIN]);
      assert.equal(manifest.staticTabs[0].contentUrl, `${local.TAB_ENDPOINT}/tab/?view=me&host=teams`);
      assert.equal(manifest.webApplicationInfo.resource, local.AAD_APP_ID_URI);
      const en = JSON.parse(entries.get('en.json')!.toString('utf8'));
      assert.equal(en['name.short'], `Polku${local.APP_NAME_SUFFIX}`);
    });

    it('ships icons of the sizes Teams requires', () => {
      const entries = new Map(readZip(zip).map((e) => [e.name, e.read()]));
      assert.deepEqual(readPngSize(entries.get('color.png')!), { width: 192, height: 192 });
      assert.deepEqual(readPngSize(entries.get('outline.png')!), { width: 32, height: 32 });
    });

    it('is reproducible: packaging again gives the same bytes', () => {
      const again = runPackage('local');
      assert.equal(again.status, 0, again.stderr);
      assert.ok(fs.readFileSync(ZIP).equals(zip));
    });
  });

  describe('--env dev before provisioning', () => {
    it('exits 1 and names every placeholder that has no value', function () {
      // Once someone provisions dev, env/.env.dev holds real values and there is nothing to refuse.
      const dev = parseEnvText(fs.readFileSync(path.join(ROOT, 'env', '.env.dev'), 'utf8'));
      if (dev.TEAMS_APP_ID || fs.existsSync(path.join(ROOT, 'env', '.env.dev.user'))) this.skip();
      const run = runPackage('dev');
      assert.equal(run.status, 1, run.stdout);
      for (const name of PLACEHOLDER_NAMES.filter((n) => n !== 'APP_NAME_SUFFIX')) {
        assert.ok(run.stderr.includes(`\${{${name}}}`), `${name} not named in:\n${run.stderr}`);
      }
      assert.doesNotMatch(run.stderr, /at .*\.ts:\d+/, 'a refusal is a message, not a stack trace');
    });
  });
});
