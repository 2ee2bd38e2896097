import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../bot/src/config';

const GUID = '11111111-2222-3333-4444-555555555555';
const AZURE = {
  POLKU_MODE: 'azure',
  MICROSOFT_APP_ID: GUID,
  MICROSOFT_APP_TENANT_ID: GUID,
  MICROSOFT_APP_PASSWORD: 'secret',
  TABLES_ENDPOINT: 'https://polku.table.core.windows.net',
  GRAPH_TENANT_ID: GUID,
  GRAPH_CLIENT_ID: GUID,
  GRAPH_CLIENT_SECRET: 'graph-secret',
  AAD_APP_CLIENT_ID: GUID,
  AAD_APP_ID_URI: `api://polku.example.net/${GUID}`,
};

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env, '/srv');
  } catch (err) {
    assert.ok(err instanceof ConfigError, String(err));
    return err.problems;
  }
  assert.fail('expected a ConfigError');
}

describe('config', () => {
  it('defaults to local mode on loopback with Azurite when no bot credentials are given', () => {
    const c = loadConfig({}, '/srv');
    assert.equal(c.mode, 'local');
    assert.equal(c.host, '127.0.0.1');
    assert.equal(c.port, 3978);
    assert.equal(c.bot, undefined);
    assert.equal(c.tables.kind, 'connectionString');
    assert.match(c.tables.kind === 'connectionString' ? c.tables.connectionString : '', /127\.0\.0\.1:10002/);
    assert.equal(c.tabDistDir, '/srv/dist/tab');
    assert.ok(c.devSessionKey);
  });

  it('refuses to bind local mode off loopback', () => {
    assert.match(problemsOf({ HOST: '0.0.0.0' }).join('\n'), /HOST must be a loopback address/);
    assert.equal(loadConfig({ HOST: '::1' }).host, '::1');
  });

  it('switches to azure mode when a bot id is given, and then requires everything azure needs', () => {
    const problems = problemsOf({ MICROSOFT_APP_ID: GUID });
    const text = problems.join('\n');
    for (const name of [
      'MICROSOFT_APP_TENANT_ID',
      'TABLES_ENDPOINT',
      'GRAPH_TENANT_ID',
      'GRAPH_CLIENT_ID',
      'GRAPH_CLIENT_SECRET',
    ]) {
      assert.match(text, new RegExp(name), `names ${name}`);
    }
    assert.ok(problems.length >= 5, 'every problem is listed at once');
    const secretBot = problemsOf({ MICROSOFT_APP_ID: GUID, MICROSOFT_APP_TYPE: 'SingleTenant' }).join('\n');
    assert.match(secretBot, /MICROSOFT_APP_PASSWORD is required when MICROSOFT_APP_TYPE is SingleTenant/);
  });

  it('accepts a complete azure configuration and binds all interfaces', () => {
    const c = loadConfig(AZURE);
    assert.equal(c.mode, 'azure');
    assert.equal(c.host, '0.0.0.0');
    assert.deepEqual(c.bot, { appId: GUID, appType: 'SingleTenant', tenantId: GUID, password: 'secret' });
    assert.equal(c.devSessionKey, undefined, 'no dev sign-in in azure mode');
    assert.equal(c.graph.baseUrl, 'https://graph.microsoft.com/v1.0');
  });

  it('accepts a managed identity without a bot password', () => {
    const { MICROSOFT_APP_PASSWORD: _, GRAPH_CLIENT_SECRET: __, ...rest } = AZURE;
    const c = loadConfig({ ...rest, MICROSOFT_APP_TYPE: 'UserAssignedMSI', AZURE_CLIENT_ID: GUID });
    assert.equal(c.bot?.appType, 'UserAssignedMSI');
    assert.equal(c.bot?.password, undefined);
    assert.deepEqual(c.tables, {
      kind: 'endpoint',
      endpoint: AZURE.TABLES_ENDPOINT,
      managedIdentityClientId: GUID,
    });
  });

  it('takes sovereign-cloud Bot Framework endpoints in azure mode only, over https (http on loopback)', () => {
    const c = loadConfig({
      ...AZURE,
      BOT_OPENID_METADATA_URL: 'https://login.botframework.azure.us/v1/.well-known/openidconfiguration',
      BOT_TOKEN_ISSUER: 'https://api.botframework.us',
      BOT_LOGIN_URL: 'https://login.microsoftonline.us/MicrosoftServices.onmicrosoft.us',
      BOT_OAUTH_SCOPE: 'https://api.botframework.us',
    });
    assert.deepEqual(c.bot?.cloud, {
      openIdMetadataUrl: 'https://login.botframework.azure.us/v1/.well-known/openidconfiguration',
      tokenIssuer: 'https://api.botframework.us',
      loginUrl: 'https://login.microsoftonline.us/MicrosoftServices.onmicrosoft.us',
      oauthScope: 'https://api.botframework.us',
    });
    assert.deepEqual(loadConfig({ ...AZURE, BOT_LOGIN_URL: 'http://127.0.0.1:4000/t' }).bot?.cloud, {
      loginUrl: 'http://127.0.0.1:4000/t',
    });
    assert.match(
      problemsOf({ ...AZURE, BOT_OPENID_METADATA_URL: 'http://login.example.net/keys' }).join(),
      /BOT_OPENID_METADATA_URL must use https/,
    );
    assert.match(
      problemsOf({ ...AZURE, BOT_TOKEN_ISSUER: 'issuer' }).join(),
      /BOT_TOKEN_ISSUER is not a URL/,
    );
    assert.match(
      problemsOf({ BOT_OAUTH_SCOPE: 'https://api.botframework.us' }).join(),
      /Only azure mode reads BOT_OAUTH_SCOPE/,
    );
  });

  it('rejects plain-http storage, bad GUIDs, unknown modes and out-of-range numbers', () => {
    assert.match(
      problemsOf({ ...AZURE, TABLES_ENDPOINT: 'http://polku.table.core.windows.net' }).join(),
      /https/,
    );
    assert.match(problemsOf({ ...AZURE, MICROSOFT_APP_ID: 'bot' }).join(), /MICROSOFT_APP_ID must be a GUID/);
    assert.match(problemsOf({ POLKU_MODE: 'prod' }).join(), /POLKU_MODE must be "local" or "azure"/);
    for (const port of ['-1', '65536', 'abc', '3.5'])
      assert.match(problemsOf({ PORT: port }).join(), /PORT must be a whole number/);
    assert.match(problemsOf({ LOG_LEVEL: 'loud' }).join(), /LOG_LEVEL/);
    assert.match(
      problemsOf({ TABLES_CONNECTION_STRING: 'x', TABLES_ENDPOINT: 'https://a' }).join(),
      /not both/,
    );
    assert.match(problemsOf({ TABLE_PREFIX: '1abc' }).join(), /TABLE_PREFIX/);
    assert.match(
      problemsOf({ MICROSOFT_APP_PASSWORD: 'x', POLKU_MODE: 'local' }).join(),
      /POLKU_MODE is local/,
    );
  });

  it('names the problems in its message', () => {
    const err = (() => {
      try {
        loadConfig({ PORT: 'x', LOG_LEVEL: 'y' });
      } catch (e) {
        return e as Error;
      }
      return undefined;
    })();
    assert.match(err?.message ?? '', /cannot start[\s\S]*PORT[\s\S]*LOG_LEVEL/);
  });
});
